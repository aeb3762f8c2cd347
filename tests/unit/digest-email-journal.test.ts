import { describe, expect, it } from "vitest";
import { digestSubject, renderDigest } from "@/lib/digest/render";
import { sampleDigestContent } from "@/lib/digest/sample";
import {
  appUrl,
  content,
  escapeAttr,
  escapeRegExp,
  expectInOrder,
  journalWith,
  visibleHtml,
} from "../helpers/digest-email";

// The digest's journal section: "What went well this week?". The rest of the
// email is tested in digest-email.test.ts.

describe("digestSubject", () => {
  const reconnect = sampleDigestContent(appUrl).reconnect;

  it("says all caught up without the journal's question when the prompt is off", () => {
    expect(digestSubject(content({ reconnect: [], congratulate: [], journal: undefined }))).toBe(
      "Your weekly Kith digest: all caught up",
    );
    expect(digestSubject(content({ reconnect: reconnect.slice(0, 1), journal: undefined }))).toBe(
      "1 person to reconnect with, 2 to congratulate",
    );
  });
});

describe("renderDigest", () => {
  it("asks what went well this week, with the signed link to record a win and last week's wins", async () => {
    const journal = journalWith({ recordWinUrl: `${appUrl}/digest/record-win?t=tok.w&v=1` });
    const { html, text } = await renderDigest(content({ journal }));
    expectInOrder(text, [
      "CONGRATULATE",
      "WHAT WENT WELL THIS WEEK?",
      `Record a win ${journal.recordWinUrl}`,
      "Last week you recorded 2 wins:",
      "Cut the release build from 40 to 12 minutes · 17 Nov 2026",
      "Ran the incident review for the checkout outage · 19 Nov 2026",
      "YOUR STREAK",
    ]);
    expect(html).toMatch(new RegExp(`<a href="${escapeRegExp(escapeAttr(journal.recordWinUrl))}"[^>]*>.*Record a win`, "s"));
    expectInOrder(visibleHtml(html), [">What went well this week?<", "Cut the release build", "Ran the incident review"]);
    expect(text).not.toContain("more: see them in your journal");

    const many = await renderDigest(content({ journal: journalWith({ lastWeekWinsTotal: 7 }) }));
    expect(many.text).toContain("Last week you recorded 7 wins:");
    expect(many.text).toContain(`and 5 more: see them in your journal ${appUrl}/journal`);
    expect(many.html).toContain(`href="${appUrl}/journal"`);

    const quiet = await renderDigest(content({ journal: journalWith({ lastWeekWins: [], lastWeekWinsTotal: 0 }) }));
    expect(quiet.text).toContain("WHAT WENT WELL THIS WEEK?");
    expect(quiet.text).not.toContain("Last week you recorded");

    const off = await renderDigest(content({ journal: undefined }));
    for (const out of [off.html, off.text]) {
      expect(out).not.toMatch(/what went well/i);
      expect(out).not.toContain("Record a win");
      expect(out).not.toContain("/digest/record-win");
    }
  });
});
