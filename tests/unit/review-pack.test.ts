import { describe, expect, it } from "vitest";
import type { ReviewWin } from "@/lib/domain/review-pack";
import { reviewPackMarkdown } from "@/lib/journal/review-markdown";
import { buildReviewPack, formatMetric, resumeBullet, starStory, UNTITLED_WIN } from "@/lib/journal/review-pack";
import { monthsBefore, resolveReviewRange, reviewRangeSearch } from "@/lib/journal/review-range";
import { reviewPackQuerySchema } from "@/lib/validations/review-pack";

let next = 0;
function win(values: Partial<ReviewWin> = {}): ReviewWin {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    occurredOn: "2026-03-02",
    kind: "delivered",
    title: `Win ${next}`,
    what: null,
    result: null,
    metricValue: null,
    metricUnit: null,
    url: null,
    situation: null,
    task: null,
    roleLabel: null,
    people: [],
    skills: [],
    ...values,
  };
}

const ada = { contactId: "c-ada", name: "Ada Lovelace" };
const bob = { contactId: "c-bob", name: "Bob Ross" };

describe("formatMetric", () => {
  it("gives up to two decimals and none that are zero", () => {
    expect(formatMetric(40, "% build time")).toBe("40 % build time");
    expect(formatMetric(40.5, "%")).toBe("40.5 %");
    expect(formatMetric(1.25, "x")).toBe("1.25 x");
    expect(formatMetric(1.005, null)).toBe("1.01");
    expect(formatMetric(3.14159, "s")).toBe("3.14 s");
    expect(formatMetric(2.0, "h")).toBe("2 h");
    expect(formatMetric(0.001, "%")).toBe("0 %");
    expect(formatMetric(-0.001, "%")).toBe("0 %");
    expect(formatMetric(-5, "% churn")).toBe("-5 % churn");
  });

  it("groups thousands from ten thousand on, and keeps the unit on one line", () => {
    expect(formatMetric(2026, null)).toBe("2026");
    expect(formatMetric(120000, "€ pipeline")).toBe("120,000 € pipeline");
    expect(formatMetric(1e15, "users")).toBe("1,000,000,000,000,000 users");
    expect(formatMetric(12, "  hours\nsaved ")).toBe("12 hours saved");
    expect(formatMetric(12, "   ")).toBe("12");
  });

  it("is none without a number", () => {
    expect(formatMetric(null, "%")).toBeNull();
    expect(formatMetric(Number.NaN, "%")).toBeNull();
  });
});

describe("resumeBullet", () => {
  it("reads what I did, then the result and the metric", () => {
    const base = { title: "Faster CI", what: "Rebuilt the CI cache.", result: "Builds take 12 minutes", metricValue: 40, metricUnit: "% build time" };
    expect(resumeBullet(base)).toBe("Rebuilt the CI cache — Builds take 12 minutes (40 % build time)");
    expect(resumeBullet({ ...base, result: null })).toBe("Rebuilt the CI cache — 40 % build time");
    expect(resumeBullet({ ...base, metricValue: null, metricUnit: null })).toBe("Rebuilt the CI cache — Builds take 12 minutes");
    expect(resumeBullet({ ...base, result: "  ", metricValue: null })).toBe("Rebuilt the CI cache");
  });

  it("falls back to the title without what I did", () => {
    expect(resumeBullet({ title: "Cut build time by rebuilding the CI cache", what: null, result: null, metricValue: 40, metricUnit: "% build time" })).toBe(
      "Cut build time by rebuilding the CI cache — 40 % build time",
    );
    expect(resumeBullet({ title: "Shipped billing", what: " \n ", result: "On time.", metricValue: null, metricUnit: null })).toBe(
      "Shipped billing — On time",
    );
    expect(resumeBullet({ title: "  ", what: null, result: null, metricValue: null, metricUnit: null })).toBe(UNTITLED_WIN);
  });

  it("keeps to one line and says a result once", () => {
    expect(resumeBullet({ title: "T", what: "Led the\nmigration;", result: "Led the migration", metricValue: null, metricUnit: null })).toBe(
      "Led the migration",
    );
    expect(resumeBullet({ title: "T", what: "Wrote\r\nthe guide", result: "Two teams\tadopted it…", metricValue: null, metricUnit: null })).toBe(
      "Wrote the guide — Two teams adopted it…",
    );
  });
});

describe("starStory", () => {
  const pack = (values: Partial<ReviewWin>) => buildReviewPack([win(values)], { label: "x" }).wins[0] as never;

  it("exists only when the situation or the task is filled", () => {
    expect(starStory(pack({ what: "Did it", result: "It worked" }))).toBeNull();
    expect(starStory(pack({ situation: "  \n ", task: "" }))).toBeNull();
    expect(starStory(pack({ situation: "Builds took 20 minutes" }))).toMatchObject({
      situation: "Builds took 20 minutes",
      task: null,
      action: null,
      result: null,
    });
  });

  it("takes the action from what I did and the result with its metric", () => {
    expect(
      starStory(pack({ task: "Make CI fast", what: "Rebuilt the cache", result: "Builds take 12 minutes", metricValue: 40, metricUnit: "%" })),
    ).toMatchObject({ situation: null, task: "Make CI fast", action: "Rebuilt the cache", result: "Builds take 12 minutes (40 %)" });
    expect(starStory(pack({ task: "Make CI fast", metricValue: 40, metricUnit: "%" }))).toMatchObject({ result: "40 %" });
  });
});

describe("buildReviewPack", () => {
  const wins = [
    win({ kind: "improved", title: "Faster CI", skills: ["CI", "Caching"], people: [{ ...ada, part: "can_vouch" }, { ...bob, part: "helped_me" }] }),
    win({ kind: "delivered", title: "Billing", skills: ["Payments", "ci"], people: [{ ...ada, part: "can_vouch" }, { ...ada, part: "helped_me" }] }),
    win({ kind: "learned", title: "Rust", metricValue: 3, metricUnit: "courses", situation: "New team", people: [{ ...bob, part: "worked_with" }] }),
    win({ kind: "delivered", title: "Search", people: [{ ...bob, part: "can_vouch" }] }),
  ];
  const pack = buildReviewPack(wins, { label: "1 Jan 2026 – 30 Jun 2026" });

  it("groups wins by kind in the kinds' order, keeping their order within", () => {
    expect(pack.title).toBe("Review pack — 1 Jan 2026 – 30 Jun 2026");
    expect(pack.sections.map((section) => [section.label, section.wins.map((w) => w.title)])).toEqual([
      ["Delivered", ["Billing", "Search"]],
      ["Improved", ["Faster CI"]],
      ["Learned", ["Rust"]],
    ]);
  });

  it("indexes skills alphabetically, a skill once whatever its case", () => {
    expect(pack.bySkill.map((entry) => [entry.skill, entry.wins.map((w) => w.title)])).toEqual([
      ["Caching", ["Faster CI"]],
      ["CI", ["Faster CI", "Billing"]],
      ["Payments", ["Billing"]],
    ]);
  });

  it("lists who can vouch and who helped, each once, most wins first", () => {
    expect(pack.feedback.map((person) => [person.name, person.wins.map((w) => w.title)])).toEqual([
      ["Ada Lovelace", ["Faster CI", "Billing"]],
      ["Bob Ross", ["Search"]],
    ]);
    expect(pack.thanks.map((person) => [person.name, person.wins.map((w) => w.title)])).toEqual([
      ["Ada Lovelace", ["Billing"]],
      ["Bob Ross", ["Faster CI"]],
    ]);
  });

  it("has a bullet per win, stories only where filled, and the counts", () => {
    expect(pack.bullets.map((bullet) => bullet.text)).toEqual(["Faster CI", "Billing", "Rust — 3 courses", "Search"]);
    expect(pack.stories.map((story) => story.win.title)).toEqual(["Rust"]);
    expect(pack.counts).toEqual({ wins: 4, withMetric: 1, skills: 3, feedback: 2, thanks: 2, stories: 1 });
  });

  it("is the same pack for the same wins", () => {
    expect(reviewPackMarkdown(buildReviewPack(wins, { label: "x" }))).toBe(reviewPackMarkdown(buildReviewPack(wins, { label: "x" })));
  });

  it("says so when the range has no wins", () => {
    const empty = buildReviewPack([], { label: "1 Jan 2026 – 30 Jun 2026" });
    expect(empty.sections).toEqual([]);
    expect(reviewPackMarkdown(empty)).toBe("# Review pack — 1 Jan 2026 – 30 Jun 2026\n\nNo wins recorded in this range.\n");
  });
});

describe("the Markdown file", () => {
  it("writes each win with its impact, metric, people and link", () => {
    const markdown = reviewPackMarkdown(
      buildReviewPack(
        [
          win({
            kind: "improved",
            occurredOn: "2026-03-02",
            title: "Faster CI",
            what: "Rebuilt the CI cache",
            result: "Builds take 12 minutes",
            metricValue: 40,
            metricUnit: "% build time",
            url: "https://ci.example.com/run/1",
            roleLabel: "Staff Engineer at Acme",
            skills: ["CI"],
            people: [
              { ...ada, part: "can_vouch" },
              { ...bob, part: "i_helped" },
            ],
            task: "Make CI fast",
          }),
        ],
        { label: "Last 6 months" },
      ),
    );
    expect(markdown).toContain(
      [
        "### Improved",
        "",
        "- **Faster CI** — 2 Mar 2026 · Staff Engineer at Acme",
        "  - **What I did:** Rebuilt the CI cache",
        "  - **Impact:** Builds take 12 minutes",
        "  - **Metric:** 40 % build time",
        "  - **Skills:** CI",
        "  - **People:** Ada Lovelace (can vouch for it), Bob Ross (I helped)",
        "  - **Link:** <https://ci.example.com/run/1>",
      ].join("\n"),
    );
    expect(markdown).toContain("## People to ask for feedback\n\n- **Ada Lovelace** can vouch for: Faster CI\n");
    expect(markdown).toContain("## Resume bullets\n\n- Rebuilt the CI cache — Builds take 12 minutes (40 % build time)\n");
    expect(markdown).toContain("### Faster CI — 2 Mar 2026\n\n- **Task:** Make CI fast\n- **Action:** Rebuilt the CI cache\n- **Result:** Builds take 12 minutes (40 % build time)\n");
    expect(markdown).not.toContain("Situation");
  });

  it("links only web addresses", () => {
    const markdown = reviewPackMarkdown(buildReviewPack([win({ url: "javascript:alert(1)" }), win({ url: "data:text/html,x" })], { label: "x" }));
    expect(markdown).not.toContain("Link");
    expect(markdown).not.toMatch(/javascript|data:/);
  });
});

describe("the range", () => {
  const roles = [{ id: "11111111-1111-4111-8111-111111111111", company: "Acme", title: "Staff Engineer", startedOn: "2021-03-01", endedOn: null }];
  const resolve = (query: Record<string, unknown>, today = "2026-08-31") =>
    resolveReviewRange(reviewPackQuerySchema.parse(query), { today, roles });

  it("counts months back on the calendar", () => {
    expect(monthsBefore("2026-08-31", 6)).toBe("2026-02-28");
    expect(monthsBefore("2028-08-31", 6)).toBe("2028-02-29");
    expect(monthsBefore("2026-03-15", 12)).toBe("2025-03-15");
    expect(monthsBefore("2026-01-10", 1)).toBe("2025-12-10");
  });

  it("resolves each preset", () => {
    expect(resolve({})).toMatchObject({ kind: "6m", from: "2026-02-28", to: "2026-08-31", label: "28 Feb 2026 – 31 Aug 2026" });
    expect(resolve({ range: "12m" })).toMatchObject({ kind: "12m", from: "2025-08-31", to: "2026-08-31" });
    expect(resolve({ range: "year" })).toMatchObject({ kind: "year", from: "2026-01-01", to: "2026-08-31" });
    expect(resolve({ range: "role", role: roles[0]?.id })).toMatchObject({
      kind: "role",
      roleId: roles[0]?.id,
      label: "Staff Engineer at Acme (1 Mar 2021 – today)",
    });
    expect(resolve({ range: "custom", from: "2026-05-01", to: "2026-04-01" })).toMatchObject({
      kind: "custom",
      from: "2026-04-01",
      to: "2026-05-01",
    });
  });

  it("falls back to the last 6 months on anything else, never throwing", () => {
    const fallback = { kind: "6m", from: "2026-02-28", to: "2026-08-31" };
    for (const query of [
      { range: "forever" },
      { range: ["forever", "12m"], role: "x" },
      { range: "role" },
      { range: "role", role: "22222222-2222-4222-8222-222222222222" },
      { range: "custom", from: "2026-02-30", to: "2026-03-01" },
      { range: "custom", from: "2026-01-01" },
      { range: "custom", from: "yesterday", to: "today" },
    ]) {
      expect(resolve(query), JSON.stringify(query)).toMatchObject(fallback);
    }
    for (const value of [null, undefined, "x", 42, []]) {
      expect(resolveReviewRange(reviewPackQuerySchema.parse(value), { today: "2026-08-31", roles })).toMatchObject(fallback);
    }
  });

  it("gives its query back for the download link", () => {
    for (const query of [{}, { range: "12m" }, { range: "year" }, { range: "role", role: roles[0]?.id }, { range: "custom", from: "2026-01-01", to: "2026-02-01" }]) {
      const range = resolve(query);
      expect(resolve(Object.fromEntries(new URLSearchParams(reviewRangeSearch(range))))).toEqual(range);
    }
  });
});
