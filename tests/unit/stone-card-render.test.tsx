import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { GoalForm } from "@/components/career/goal-form";
import { GoalProgress } from "@/components/career/goal-progress";
import { StoneCard } from "@/components/career/stone-card";
import { StoneForm } from "@/components/career/stone-form";
import { EMPTY_STONE_LINKS } from "@/lib/domain/career";
import type { GoalStone } from "@/lib/domain/goals";
import { stoneHistoryLines } from "@/lib/domain/stone-history";

// The card's words and controls as a person (and the end-to-end test) finds
// them; the server actions and the links' editors are not under test here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));
vi.mock("@/app/(app)/career/goals/actions", () => ({}));
vi.mock("@/components/career/stone-links", () => ({ StoneLinks: () => null }));

const STONE: GoalStone = {
  id: "7d7c3b0e-4b8a-4a43-9f49-0d3c4a0f9b11",
  position: 0,
  kind: "project",
  title: "Ship the data platform",
  notes: "With the analytics team.",
  targetOn: "2027-06-30",
  status: "in_progress",
  completedOn: null,
  role: { id: "0c9d4d8e-9b0a-4d7e-8a3e-4b2f3c1d2e10", company: "Watershed", title: "Staff Engineer" },
  history: [
    { id: "a", change: "created", fromValue: null, toValue: "2027-03-31", changedAt: new Date("2027-01-10T12:00:00Z") },
    { id: "b", change: "redated", fromValue: "2027-03-31", toValue: "2027-06-30", changedAt: new Date("2027-03-03T12:00:00Z") },
  ],
};

function card(values: Partial<GoalStone> = {}, props: { isNext?: boolean; count?: number } = {}) {
  const stone = { ...STONE, ...values };
  return renderToStaticMarkup(
    <ol>
      <StoneCard
        goalId="f3f2a1b0-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
        stone={stone}
        count={props.count ?? 3}
        isNext={props.isNext ?? false}
        links={EMPTY_STONE_LINKS}
        history={stoneHistoryLines(stone.history, "UTC")}
        roles={[]}
        editHref="/career/goals/g?edit=s"
        goalHref="/career/goals/g"
        isEditing={false}
      />
    </ol>,
  );
}

describe("a stepping stone's card", () => {
  it("shows the step, its target, role, notes and the next-step mark", () => {
    const html = card({}, { isNext: true });
    expect(html).toContain("Step 1");
    expect(html).toContain("Ship the data platform</h3>");
    expect(html).toContain("Target <time");
    expect(html).toContain("30 Jun 2027");
    expect(html).toContain("Reached by Staff Engineer at Watershed");
    expect(html).toContain("With the analytics team.");
    expect(html).toContain("Next step");
    expect(card({}, { isNext: false })).not.toContain("Next step");
  });

  it("names its controls by the step, and cannot move past either end", () => {
    const first = card({ position: 0 }, { count: 3 });
    expect(first).toMatch(/aria-label="Move “Ship the data platform” up" disabled=""/);
    expect(first).not.toMatch(/aria-label="Move “Ship the data platform” down" disabled=""/);
    const last = card({ position: 2 }, { count: 3 });
    expect(last).toMatch(/aria-label="Move “Ship the data platform” down" disabled=""/);
    expect(first).toContain('Status<span class="sr-only"> of “Ship the data platform”</span>');
    expect(first).toMatch(/<option value="in_progress" selected="">In progress<\/option>/);
    expect(first).toContain('Re-date<span class="sr-only"> “Ship the data platform”</span>');
    expect(first).toContain('href="/career/goals/g?edit=s"');
  });

  it("lists its history newest first behind a disclosure", () => {
    const html = card();
    expect(html).toContain("History <span");
    const moved = html.indexOf("Moved from Q1 2027 to Q2 2027 on 3 Mar 2027");
    const added = html.indexOf("Added on 10 Jan 2027 (target Q1 2027)");
    expect(moved).toBeGreaterThan(-1);
    expect(added).toBeGreaterThan(moved);
  });

  it("shows a done step's day and strikes a dropped one", () => {
    expect(card({ status: "done", completedOn: "2027-05-02" })).toContain("Done on <time");
    expect(card({ status: "dropped" })).toContain("line-through");
    expect(card({ targetOn: null })).toContain("No target date");
  });
});

describe("a goal's progress", () => {
  it("counts the done steps of those still in the plan", () => {
    const html = renderToStaticMarkup(
      <GoalProgress
        stones={[
          { position: 0, status: "done" },
          { position: 1, status: "in_progress" },
          { position: 2, status: "planned" },
          { position: 3, status: "dropped" },
        ]}
      />,
    );
    expect(html).toContain("1 of 3 steps done");
  });
});

// A label as the page writes it: <label for="…">text</label>.
function labels(html: string): string[] {
  return [...html.matchAll(/<label[^>]*for="[^"]+"[^>]*>(.*?)<\/label>/g)].map((match) => match[1] ?? "");
}

describe("the goal and step forms", () => {
  it("label the goal's fields and offer to create it", () => {
    const html = renderToStaticMarkup(<GoalForm cancelHref="/career" />);
    expect(labels(html)).toEqual(["Goal", "Why it matters", "Horizon", "Status", "North star"]);
    expect(html).toContain(">Create goal</button>");
    expect(html).toContain('role="switch"');
  });

  it("label the step's fields, offer My roles, and add it", () => {
    const roles = [{ id: STONE.role?.id ?? "", company: "Watershed", title: "Staff Engineer", startedOn: "2024-01-01", endedOn: null }];
    const html = renderToStaticMarkup(<StoneForm goalId="f3f2a1b0-1c2d-4e5f-8a9b-0c1d2e3f4a5b" roles={roles} goalHref="/career/goals/g" />);
    expect(labels(html)).toEqual(["Step", "Kind", "Target date", "Notes", "Role that reached it"]);
    expect(html).toContain(">Staff Engineer at Watershed</option>");
    expect(html).toContain(">Add step</button>");
    const edit = renderToStaticMarkup(<StoneForm goalId="g" stone={STONE} roles={roles} goalHref="/career/goals/g" />);
    expect(labels(edit)).toEqual(["Step", "Kind", "Notes", "Role that reached it"]);
    expect(edit).toContain(">Save step</button>");
  });
});
