import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPlainText } from "@react-email/render";
import { digestPreviewText } from "@/emails/digest";
import type { DigestContact, DigestContent, DigestJournal, DigestSuccess } from "@/lib/digest/content";
import { digestSubject, renderDigest } from "@/lib/digest/render";
import { sampleDigestContent } from "@/lib/digest/sample";
import { SUCCESS_KINDS } from "@/lib/domain/enums";
import { HEALTH_BANDS } from "@/lib/health/model";
import {
  appUrl,
  contactAt,
  content,
  escapeAttr,
  escapeRegExp,
  expectInOrder,
  journalWith,
  successAt,
  visibleHtml,
  words,
} from "../helpers/digest-email";

// The journal section ("What went well this week?") is tested in digest-email-journal.test.ts.

describe("digestSubject", () => {
  const reconnect = sampleDigestContent(appUrl).reconnect;
  const congratulate = sampleDigestContent(appUrl).congratulate;

  it.each([
    [3, 2, "3 people to reconnect with, 2 to congratulate"],
    [1, 1, "1 person to reconnect with, 1 to congratulate"],
    [3, 0, "3 people to reconnect with"],
    [1, 0, "1 person to reconnect with"],
    [0, 2, "2 successes to congratulate"],
    [0, 1, "1 success to congratulate"],
    [0, 0, "All caught up: what went well this week?"],
  ])("%i to reconnect, %i to congratulate: %s", (r, c, subject) => {
    expect(digestSubject(content({ reconnect: reconnect.slice(0, r), congratulate: congratulate.slice(0, c) }))).toBe(
      subject,
    );
  });

  it("counts the people in the email, not every overdue contact", () => {
    expect(digestSubject(content({ reconnect: reconnect.slice(0, 1), reconnectTotal: 40, congratulate: [] }))).toBe(
      "1 person to reconnect with",
    );
  });
});

describe("renderDigest", () => {
  it("returns the subject, a full HTML document and plain text without markup", async () => {
    const sample = content();
    const { subject, html, text } = await renderDigest(sample);
    expect(subject).toBe(digestSubject(sample));
    expect(html).toMatch(/^<!DOCTYPE html/);
    expect(html).toMatch(/<html [^>]*lang="en"/);
    expect(text).not.toMatch(/<[a-z/]/i);
  });

  it("shows the reconnect contacts in the given order with their explanation, band, overdue days and last touch", async () => {
    const sample = content({
      reconnect: [
        contactAt(0, { name: "Zoe Zimmer", overdueDays: 1 }),
        contactAt(1, { name: "Bea Brown" }),
        contactAt(2, { name: "Mia Moreau" }),
      ],
      congratulate: [],
    });
    const { html, text } = await renderDigest(sample);
    const names = sample.reconnect.map((c) => c.name);
    expectInOrder(visibleHtml(html), names);
    expectInOrder(text, names);
    for (const contact of sample.reconnect) {
      expect(html).toContain(contact.explanation);
      expect(text).toContain(contact.explanation);
    }
    for (const out of [html, text]) {
      expect(out).toContain("Zoe Zimmer · Analytical Engines Ltd");
      expect(out).toContain("Dormant, 18/100");
      expect(out).toContain("1 day overdue");
      expect(out).toContain("27 days overdue");
      expect(out).toContain("Last: Coffee after the Women in Tech meetup on 18 Aug 2026");
      expect(out).toContain("Last touch on 13 Oct 2026");
      expect(out).toContain("No touch yet");
    }
  });

  it("carries every signed link exactly, in both HTML and text", async () => {
    // Real links have one `t` parameter; more parameters make the HTML escape.
    const link = (path: string, id: string) => `${appUrl}${path}?t=tok.${id}&utm_source=digest&v=1`;
    const sample = content({
      reconnect: [0, 1, 2].map((i) =>
        contactAt(i, { logTouchUrl: link("/digest/log", `l${i}`), snoozeUrl: link("/digest/snooze", `s${i}`) }),
      ),
      congratulate: [0, 1].map((i) => successAt(i, { congratulateUrl: link("/digest/congratulate", `c${i}`) })),
      settingsUrl: `${appUrl}/settings?tab=digest&from=email`,
      unsubscribeUrl: link("/unsubscribe", "u"),
    });
    const { html, text } = await renderDigest(sample);
    const urls = [
      ...sample.reconnect.flatMap((c) => [c.logTouchUrl, c.snoozeUrl]),
      ...sample.congratulate.map((s) => s.congratulateUrl),
      sample.settingsUrl,
      sample.unsubscribeUrl,
      `${appUrl}/contacts?overdue=1&sort=next_due`,
    ];
    for (const url of urls) {
      expect(html).toContain(`href="${escapeAttr(url)}"`);
      expect(html).not.toContain(`href="${url}"`);
      expect(words(text)).toContain(url);
    }
    // Each contact's buttons lead to its own links.
    sample.reconnect.forEach((contact) => {
      expect(text).toContain(`Log a touch ${contact.logTouchUrl}`);
      expect(text).toContain(`Snooze 2 weeks ${contact.snoozeUrl}`);
    });
    sample.congratulate.forEach((success) => expect(text).toContain(`Congratulate ${success.congratulateUrl}`));
  });

  it("links to the sample's signed-link paths", async () => {
    const sample = content();
    const { html, text } = await renderDigest(sample);
    for (const url of [sample.reconnect[0]?.logTouchUrl, sample.unsubscribeUrl, sample.settingsUrl]) {
      expect(url).toBeDefined();
      expect(html).toContain(`href="${url}"`);
      expect(words(text)).toContain(url);
    }
  });

  it("has a visible unsubscribe link and says why the email was sent", async () => {
    const sample = content();
    const { html, text } = await renderDigest(sample);
    expect(html).toMatch(new RegExp(`<a href="${escapeRegExp(escapeAttr(sample.unsubscribeUrl))}"[^>]*>Unsubscribe</a>`));
    expect(html).not.toMatch(/<a [^>]*display:\s*none[^>]*>Unsubscribe/);
    expect(text).toContain(`Unsubscribe ${sample.unsubscribeUrl}`);
    expect(text).toContain(`Digest settings ${sample.settingsUrl}`);
    expect(text).toContain("Why you get this: your weekly Kith digest, sent on your chosen day.");
  });

  it("lists new successes first, marked New, then those still waiting, each with its kind, title and date", async () => {
    const waiting = successAt(1, { contactName: "Wanda Waiting" });
    const fresh = successAt(0, { contactName: "Nina New" });
    const sample = content({ reconnect: [], reconnectTotal: 0, congratulate: [waiting, fresh] });
    const { html, text } = await renderDigest(sample);

    expectInOrder(text, ["New", "Nina New", "Promotion: Head of Flight Dynamics at Orbital Labs", "19 Nov 2026"]);
    expectInOrder(text, ["Nina New", "Still waiting", "Wanda Waiting", "Publication: Notes on the Analytical Engine"]);
    expect(text).toMatch(/^New\n\nNina New$/m);
    expect(text).toMatch(/^Still waiting\n\nWanda Waiting$/m);
    expect(text.match(/^New$/gm)).toHaveLength(1);

    const body = visibleHtml(html);
    expectInOrder(body, [">New<", "Nina New", ">Still waiting<", "Wanda Waiting"]);
    expect(body.match(/>New</g)).toHaveLength(1);
    expect(text).toContain(`Congratulate ${fresh.congratulateUrl}`);
  });

  it("writes the plain text that the HTML reads as, section for section", async () => {
    const variants = [
      content(),
      content({ reconnectTotal: 9, userName: null }),
      content({ reconnect: [], reconnectTotal: 0 }),
      content({ congratulate: [], streak: { weeks: 0, includesThisWeek: false } }),
      content({ lastWeek: { touches: 1, given: 1, received: 1 }, streak: { weeks: 2, includesThisWeek: true } }),
      content({ journal: undefined }),
      content({ reconnect: [], congratulate: [], journal: journalWith({ lastWeekWins: [], lastWeekWinsTotal: 0 }) }),
      content({ journal: journalWith({ lastWeekWinsTotal: 9 }) }),
    ];
    for (const variant of variants) {
      const { html, text } = await renderDigest(variant);
      expect(text.trim()).toBe(toPlainText(html).trim());
    }
  });

  it('shows "and N more overdue" with a link to the overdue list only when contacts were left out', async () => {
    const listUrl = `${appUrl}/contacts?overdue=1&sort=next_due`;
    const more = await renderDigest(content({ reconnectTotal: 7 }));
    expect(more.text).toContain(`and 4 more overdue: see them all in Kith ${listUrl}`);
    expect(more.html).toContain(`href="${escapeAttr(listUrl)}"`);

    const all = await renderDigest(content({ reconnectTotal: 3 }));
    expect(all.text).not.toContain("more overdue");
    expect(all.html).not.toContain("more overdue");
    expect(all.text).not.toContain(listUrl);
  });

  it("omits empty sections instead of showing them empty", async () => {
    const noReconnect = await renderDigest(content({ reconnect: [], reconnectTotal: 0 }));
    for (const out of [noReconnect.html, noReconnect.text]) {
      expect(out).not.toMatch(/reconnect/i);
      expect(out).not.toContain("Log a touch");
      expect(out).not.toContain("Snooze");
      expect(out).not.toContain("more overdue");
    }
    expect(noReconnect.text).toContain("CONGRATULATE");

    const noSuccess = await renderDigest(content({ congratulate: [] }));
    for (const out of [noSuccess.html, noSuccess.text]) {
      expect(out).not.toMatch(/congratulat/i);
      expect(out).not.toContain("Still waiting");
    }
    expect(noSuccess.text).toContain("RECONNECT");

    const caughtUp = await renderDigest(content({ reconnect: [], reconnectTotal: 0, congratulate: [] }));
    expect(caughtUp.subject).toBe("All caught up: what went well this week?");
    expect(caughtUp.text).toContain("you are all caught up");
    expect(caughtUp.text).not.toMatch(/RECONNECT|CONGRATULATE/);
    expect(caughtUp.text).toContain("YOUR STREAK");
    expect(caughtUp.text).toContain("Unsubscribe");
  });

  it("shows the streak and last week's numbers", async () => {
    const running = await renderDigest(
      content({ streak: { weeks: 1, includesThisWeek: true }, lastWeek: { touches: 1, given: 0, received: 2 } }),
    );
    expect(running.text).toContain("1 week in a row adding value, this week included.");
    expect(running.text).toContain("1 touch");
    expect(running.text).toContain("0 times you added value");
    expect(running.text).toContain("2 times you received value");

    const atRisk = await renderDigest(content({ streak: { weeks: 3, includesThisWeek: false } }));
    expect(atRisk.text).toContain("3 weeks in a row adding value. Add value to someone this week to make it 4.");
    expect(atRisk.text).toContain("4 touches");
    expect(atRisk.text).toContain("2 times you added value");
    expect(atRisk.text).toContain("1 time you received value");

    const none = await renderDigest(content({ streak: { weeks: 0, includesThisWeek: false } }));
    expect(none.text).toContain("No value-adding streak yet");
    expect(none.text).not.toContain("in a row");
  });

  it("greets by name when there is one", async () => {
    expect((await renderDigest(content({ userName: "Sam" }))).text).toContain("Hi Sam, here is who");
    expect((await renderDigest(content({ userName: null }))).text).toContain("Hi, here is who");
  });

  it("escapes HTML special characters in names, companies, titles and summaries", async () => {
    const evil = `<script>alert("x")</script> O'Brien & Sons`;
    const sample = content({
      userName: `<img src=x onerror="alert(1)">`,
      reconnect: [
        contactAt(0, {
          name: evil,
          company: `Tom & "Jerry" <Ltd>`,
          lastTouch: { day: "2026-11-01", summary: "<b>bold</b> & brave" },
        }),
      ],
      congratulate: [successAt(0, { contactName: evil, title: `<a href="https://evil.example">Launch</a>` })],
      journal: journalWith({
        lastWeekWins: [{ id: "w", title: `<img src=y onerror="alert(2)"> & won`, occurredOn: "2026-11-18" }],
        lastWeekWinsTotal: 1,
      }),
    });
    const { html, text } = await renderDigest(sample);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain('href="https://evil.example"');
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Tom &amp; &quot;Jerry&quot; &lt;Ltd&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; brave");
    // Plain text is not HTML: it shows the characters as typed.
    expect(text).toContain(evil);
    expect(text).toContain(`Tom & "Jerry" <Ltd>`);
    expect(text).toContain(`Promotion: <a href="https://evil.example">Launch</a>`);
    expect(html).toContain("&lt;img src=y onerror=&quot;alert(2)&quot;&gt; &amp; won");
    expect(text).toContain(`<img src=y onerror="alert(2)"> & won · 18 Nov 2026`);
  });

  it("puts a short summary naming the people in the preheader", () => {
    const preview = digestPreviewText(content());
    expect(preview).toBe(
      "Reconnect with Ada Lovelace, Grace Hopper and Alan Turing. Congratulate Katherine Johnson and Ada Lovelace. Streak: 3 weeks.",
    );
    const long = digestPreviewText(
      content({ reconnect: Array.from({ length: 5 }, (_, i) => contactAt(0, { id: String(i), name: "👩🏽‍💻".repeat(20) })) }),
    );
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith("…")).toBe(true);
    expect(long.isWellFormed()).toBe(true);
    expect(digestPreviewText(content({ reconnect: [], congratulate: [] }))).toBe(
      "Nobody is overdue and no success is waiting for a congratulation. What went well this week? Streak: 3 weeks.",
    );
  });
});

describe("renderDigest on arbitrary content", () => {
  // What a person could type: any text (Postgres text never holds NUL), with
  // a bias towards markup, entities, quotes and scripts outside Latin.
  const typed = fc
    .array(
      fc.oneof(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
        fc.constantFrom("<script>", "</p>", "&amp;", "&", '"', "'", "Zoë", "李小龙", "👩🏽‍💻", "\u00a0", "\n", "<!--"),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((parts) => parts.join(" ").replaceAll("\0", ""));
  const day = fc.oneof(
    fc.date({ min: new Date("1950-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) =>
      d.toISOString().slice(0, 10),
    ),
    fc.string({ maxLength: 12 }),
  );
  const url = fc.webUrl({ withQueryParameters: true });

  const contact: fc.Arbitrary<DigestContact> = fc.record({
    id: fc.uuid(),
    name: typed,
    company: fc.option(typed),
    band: fc.constantFrom(...HEALTH_BANDS),
    score: fc.integer({ min: 0, max: 100 }),
    explanation: typed,
    overdueDays: fc.integer({ min: 0, max: 5000 }),
    lastTouch: fc.option(fc.record({ day, summary: fc.option(typed) })),
    logTouchUrl: url,
    snoozeUrl: url,
  });
  const success: fc.Arbitrary<DigestSuccess> = fc.record({
    id: fc.uuid(),
    contactId: fc.uuid(),
    contactName: typed,
    kind: fc.constantFrom(...SUCCESS_KINDS),
    title: typed,
    occurredOn: day,
    isNew: fc.boolean(),
    congratulateUrl: url,
  });
  const journal: fc.Arbitrary<DigestJournal> = fc
    .record({
      recordWinUrl: url,
      lastWeekWins: fc.array(fc.record({ id: fc.uuid(), title: typed, occurredOn: day }), { maxLength: 5 }),
      extraWins: fc.nat({ max: 50 }),
      journalUrl: url,
    })
    .map(({ extraWins, ...rest }) => ({ ...rest, lastWeekWinsTotal: rest.lastWeekWins.length + extraWins }));
  const digest: fc.Arbitrary<DigestContent> = fc
    .record({
      userName: fc.option(typed),
      period: fc.oneof(fc.constant("2026-W48"), fc.string({ maxLength: 10 })),
      reconnect: fc.array(contact, { maxLength: 5 }),
      extraOverdue: fc.nat({ max: 50 }),
      congratulate: fc.array(success, { maxLength: 5 }),
      streak: fc.record({ weeks: fc.nat({ max: 200 }), includesThisWeek: fc.boolean() }),
      lastWeek: fc.record({ touches: fc.nat({ max: 500 }), given: fc.nat({ max: 500 }), received: fc.nat({ max: 500 }) }),
      journal: fc.option(journal, { nil: undefined }),
      appUrl: url,
      settingsUrl: url,
      unsubscribeUrl: url,
    })
    .map(({ extraOverdue, ...rest }) => ({ ...rest, reconnectTotal: rest.reconnect.length + extraOverdue }));

  // html-to-text collapses runs of these into one space, as a browser would.
  const collapse = (s: string) => s.replace(/[ \t\r\n\f\u200b]+/g, " ").trim();

  it("never throws, and the text names every contact, every success and every win", async () => {
    await fc.assert(
      fc.asyncProperty(digest, async (input) => {
        const { subject, html, text } = await renderDigest(input);
        expect(subject.length).toBeGreaterThan(0);
        expect(html).toContain("</html>");
        const flat = collapse(text);
        for (const c of input.reconnect) expect(flat).toContain(collapse(c.name));
        for (const s of input.congratulate) {
          expect(flat).toContain(collapse(s.contactName));
          expect(flat).toContain(collapse(s.title));
        }
        for (const w of input.journal?.lastWeekWins ?? []) expect(flat).toContain(collapse(w.title));
        expect(digestPreviewText(input).length).toBeLessThanOrEqual(150);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
