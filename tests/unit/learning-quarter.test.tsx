import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LearningQuarter } from "@/components/career/learning-quarter";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");

// The Career page and the log show the quarter from the same summary.
describe("LearningQuarter", () => {
  it("reads the quarter's items and hours in one line, with its name", () => {
    const html = renderToStaticMarkup(
      <LearningQuarter summary={{ quarterStart: "2026-04-01", quarterEnd: "2026-06-30", items: 1, hours: 6 }} />,
    );
    expect(text(html)).toContain("This quarter: 1 item, 6 hours");
    expect(text(html)).toContain("Q2 2026");
    expect(html).not.toContain("/career/learning");
  });

  it("links to the log when shown elsewhere", () => {
    const html = renderToStaticMarkup(
      <LearningQuarter summary={{ quarterStart: "2026-01-01", quarterEnd: "2026-03-31", items: 3, hours: 17.5 }} hasLogLink />,
    );
    expect(text(html)).toContain("This quarter: 3 items, 17.5 hours");
    expect(html).toContain('href="/career/learning"');
  });
});
