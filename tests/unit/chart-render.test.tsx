import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SkillTrendLines } from "@/components/career/skill-trend-lines";
import { ValueChart } from "@/components/dashboard/value-chart";

// The two charts are drawn on the server: everything they show is in the
// HTML, with no script to run.

const titles = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]);

describe("the dashboard's value chart", () => {
  const weeks = [
    { week: "2026-10-05", given: 2, received: 0 },
    { week: "2026-10-12", given: 0, received: 0 },
    { week: "2026-10-19", given: 7, received: 3 },
  ];

  it("draws two bars a week, as tall as the touches, on a whole-number axis", () => {
    const html = renderToStaticMarkup(<ValueChart weeks={weeks} />);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('viewBox="0 0 3 8"');
    expect([...html.matchAll(/class="fill-chart-given"/g)]).toHaveLength(3);
    expect([...html.matchAll(/class="fill-chart-received"/g)]).toHaveLength(3);
    expect(html).toContain('height="7" class="fill-chart-given"');
    for (const tick of ["0", "2", "4", "6", "8"])
      expect(html).toContain(`tabular-nums" style="top:${(1 - Number(tick) / 8) * 100}%">${tick}<`);
    expect(titles(html)).toEqual([
      "Week of 5 Oct: 2 given, 0 received",
      "Week of 12 Oct: 0 given, 0 received",
      "Week of 19 Oct: 7 given, 3 received",
    ]);
  });

  it("draws an empty quarter on an axis up to 1", () => {
    const html = renderToStaticMarkup(<ValueChart weeks={weeks.map((week) => ({ ...week, given: 0, received: 0 }))} />);
    expect(html).toContain('viewBox="0 0 3 1"');
  });
});

describe("the skill level lines", () => {
  const series = [
    {
      skillId: "s-1",
      name: "Hiring",
      points: [
        { on: "2025-01-10", level: 2 },
        { on: "2025-07-10", level: 4 },
      ],
    },
    { skillId: "s-2", name: "Writing", points: [{ on: "2025-03-01", level: 3 }] },
  ];

  it("draws a step line per skill with a dot per assessed day, and a legend", () => {
    const html = renderToStaticMarkup(<SkillTrendLines series={series} />);
    expect(html).toContain('aria-hidden="true"');
    expect(titles(html)).toEqual([
      "Hiring: 2 · Learning on 10 Jan 2025",
      "Hiring: 4 · Advanced on 10 Jul 2025",
      "Writing: 3 · Practitioner on 1 Mar 2025",
    ]);
    // Level 2 holds until 10 July, then steps up to 4.
    expect(html).toContain('d="M0 75 H100V25"');
    expect(html).toContain(">Hiring</li>");
    expect(html).toContain(">Writing</li>");
  });

  it("gives a single day a month either side and no legend for one skill", () => {
    const html = renderToStaticMarkup(
      <SkillTrendLines series={[{ skillId: "s-1", name: "Hiring", points: [{ on: "2025-01-10", level: 2 }] }]} />,
    );
    expect(html).toContain('d="M50 75"');
    expect(html).toContain(">Jan 2025<");
    expect(html).not.toContain("</li>");
  });
});
