import { describe, expect, it } from "vitest";
import { renderDigest } from "@/lib/digest/render";
import { sampleDigestContent } from "@/lib/digest/sample";
import { whyTheyMatter } from "@/lib/domain/goal-network";
import { appUrl, contactAt, content, expectInOrder, visibleHtml } from "../helpers/digest-email";

// The digest's "Matters for: <goal> — <why>" under an overdue contact who
// matters for an open step of an active goal. The rest of the email is tested
// in digest-email.test.ts.

const platform = { goalTitle: "Lead a platform group", why: "could introduce you to people at Watershed", more: 0 };

describe("whyTheyMatter", () => {
  it("completes the part with the note, and reads alone without one", () => {
    expect(whyTheyMatter("could_introduce", "to people at Watershed")).toBe("could introduce you to people at Watershed");
    expect(whyTheyMatter("can_help", "  with the budget ")).toBe("can help you with the budget");
    expect(whyTheyMatter("has_done_it", null)).toBe("has done it");
    expect(whyTheyMatter("has_done_it", "   ")).toBe("has done it");
  });
});

describe("renderDigest with “matters for”", () => {
  it("puts the line under the contact's explanation, in the HTML and the plain text", async () => {
    const ada = contactAt(0, { mattersFor: platform });
    const bea = contactAt(1, { mattersFor: undefined });
    const { html, text } = await renderDigest(content({ reconnect: [ada, bea] }));
    const line = "Matters for: Lead a platform group — could introduce you to people at Watershed";
    // One text node in the HTML, one line in the text, between the health and the last touch.
    expect(html).toContain(`>${line}<`);
    expectInOrder(text, [ada.name, ada.explanation, line, "Last: Coffee after the Women in Tech meetup", bea.name]);
    expectInOrder(visibleHtml(html), [ada.name, ada.explanation, line, "Coffee after the Women in Tech meetup", bea.name]);
    expect(text.match(/Matters for:/g)).toHaveLength(1);
    expect(html.match(/Matters for:/g)).toHaveLength(1);
  });

  it("says how many more steps they matter for", async () => {
    const { html, text } = await renderDigest(content({ reconnect: [contactAt(0, { mattersFor: { ...platform, more: 3 } })] }));
    const line = "Matters for: Lead a platform group — could introduce you to people at Watershed, and 3 more";
    expect(text).toContain(`${line}\n`);
    expect(html).toContain(`>${line}<`);
  });

  it("shows no line for a contact who matters for no goal, or a digest stored before the line existed", async () => {
    const reconnect = sampleDigestContent(appUrl).reconnect.map((contact) => {
      const stored = { ...contact };
      delete stored.mattersFor;
      return stored;
    });
    const { html, text } = await renderDigest(content({ reconnect }));
    expect(html).not.toContain("Matters for");
    expect(text).not.toContain("Matters for");
  });

  it("escapes a goal title and note in the HTML and keeps them as typed in the text", async () => {
    const mattersFor = { goalTitle: "<b>Lead</b> & grow", why: "can help you with \"R&D\" <script>", more: 0 };
    const { html, text } = await renderDigest(content({ reconnect: [contactAt(0, { mattersFor })] }));
    expect(html).not.toContain("<b>Lead</b>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Matters for: &lt;b&gt;Lead&lt;/b&gt; &amp; grow — can help you with &quot;R&amp;D&quot; &lt;script&gt;");
    expect(text).toContain('Matters for: <b>Lead</b> & grow — can help you with "R&D" <script>');
  });

  it("is in the sample digest the preview shows", () => {
    expect(sampleDigestContent(appUrl).reconnect.some((contact) => contact.mattersFor)).toBe(true);
  });
});
