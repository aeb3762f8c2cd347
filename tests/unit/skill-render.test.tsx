import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { SkillCreateForm } from "@/components/career/skill-create-form";
import { SkillLevelForm } from "@/components/career/skill-level-form";
import { SkillLevelHistory } from "@/components/career/skill-level-history";
import { SkillTable } from "@/components/career/skill-table";
import { SkillTrendChart, SkillTrendTable } from "@/components/career/skill-trend-chart";
import type { SkillRow } from "@/lib/domain/skills";

// The delete buttons ask for the router, which only Next mounts.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

// What the server sends, as text: every figure is in the HTML before any script runs.
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

const row = (values: Partial<SkillRow> & Pick<SkillRow, "id" | "name">): SkillRow => ({
  level: null,
  assessedOn: null,
  previousLevel: null,
  lastUsedOn: null,
  winCount: 0,
  learningHours: 0,
  learningCount: 0,
  teacherCount: 0,
  stoneCount: 0,
  ...values,
});

describe("the skills table", () => {
  it("shows level and trend, last use with the stale flag, learning hours and teachers", () => {
    const html = renderToStaticMarkup(
      <SkillTable
        today="2026-11-12"
        skills={[
          row({ id: "a", name: "Abacus" }),
          row({ id: "k", name: "Kotlin", level: 4, previousLevel: 2, lastUsedOn: "2025-11-11", learningHours: 12.5, teacherCount: 2 }),
          row({ id: "w", name: "Writing", level: 3, previousLevel: 3, lastUsedOn: "2025-11-12", teacherCount: 1 }),
        ]}
      />,
    );
    expect(html).toContain('href="/career/skills/k"');
    const rows = text(html);
    expect(rows).toContain("Skill Level Last used Learning hours Can teach me");
    expect(rows).toContain("Abacus Not assessed Not used yet 0 —");
    expect(rows).toContain("Kotlin 4 · Advanced ↑ , up from 2 11 Nov 2025 Going stale 12.5 2 people");
    expect(rows).toContain("Writing 3 · Practitioner = , the same as before 12 Nov 2025 0 1 person");
  });
});

describe("the level charts' tables", () => {
  it("list one skill's levels by date", () => {
    const html = renderToStaticMarkup(
      <SkillTrendTable
        series={[{ skillId: "k", name: "Kotlin", points: [{ on: "2024-01-05", level: 2 }, { on: "2025-03-01", level: 4 }] }]}
      />,
    );
    expect(text(html)).toBe("Level of Kotlin over time Date Level 5 Jan 2024 2 · Learning 1 Mar 2025 4 · Advanced");
  });

  it("give several skills a column each, with a dash on days one was not assessed", () => {
    const html = renderToStaticMarkup(
      <SkillTrendChart
        series={[
          { skillId: "k", name: "Kotlin", points: [{ on: "2024-01-05", level: 2 }] },
          { skillId: "w", name: "Writing", points: [{ on: "2024-01-05", level: 3 }, { on: "2024-06-01", level: 5 }] },
          { skillId: "z", name: "Unassessed", points: [] },
        ]}
      />,
    );
    expect(text(html)).toContain(
      "Show the numbers Skill levels over time Date Kotlin Writing 5 Jan 2024 2 · Learning 3 · Practitioner 1 Jun 2024 — 5 · Expert",
    );
    expect(text(html)).not.toContain("Unassessed");
  });

  it("say so when no skill has a level", () => {
    expect(text(renderToStaticMarkup(<SkillTrendChart series={[]} />))).toBe("No levels recorded yet.");
  });

  it("list a skill's history with a delete button naming each day", () => {
    const html = renderToStaticMarkup(
      <SkillLevelHistory skillName="Kotlin" levels={[{ id: "l-1", level: 1, assessedOn: "2023-02-01" }]} />,
    );
    expect(text(html)).toContain("1 Feb 2023 1 · Aware Delete the level of 1 Feb 2023");
  });
});

describe("the skills' forms", () => {
  it("add a skill by its name, with an optional level", () => {
    const html = renderToStaticMarkup(<SkillCreateForm />);
    expect(html).toMatch(/<label[^>]*for="skill-name"[^>]*>Skill<\/label>/);
    expect(html).toContain('<option value="">Not yet</option>');
    expect(text(html)).toContain("Add skill");
  });

  it("record a level with a Level select (1–5 by name) and a Date of at most today", () => {
    const html = renderToStaticMarkup(
      <>
        <h3 id="record-level">Record level</h3>
        <SkillLevelForm skillId="s-1" labelledBy="record-level" currentLevel={3} today="2026-11-12" />
      </>,
    );
    expect(html).toContain('aria-labelledby="record-level"');
    expect(html).toMatch(/<label[^>]*for="skill-level"[^>]*>Level<\/label>/);
    expect(html).toMatch(/<label[^>]*for="skill-level-date"[^>]*>Date<\/label>/);
    expect(html).toContain('<option value="5">5 · Expert</option>');
    expect(html).toMatch(/type="date"[^>]*max="2026-11-12"/);
    expect(text(html)).toContain("Record level Level Choose a level 1 · Aware");
  });
});
