import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CaptureQueueProvider } from "@/components/capture/capture-queue-provider";
import { OverviewClosedGoals } from "@/components/career/overview-closed-goals";
import { OverviewGoalPath } from "@/components/career/overview-goal-path";
import { OverviewLearning } from "@/components/career/overview-learning";
import { OverviewNextSteps } from "@/components/career/overview-next-step";
import { OverviewSkills } from "@/components/career/overview-skills";
import { LogTouchProvider } from "@/components/touches/log-touch-provider";
import type { ActiveGoalView, NextStepPerson, OverviewStone } from "@/lib/domain/career-overview";

// The log-touch dialog the buttons open, and the capture queue it saves
// through, ask for the router, which only Next mounts.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }), usePathname: () => "/career" }));

// The Career page's sections as the server sends them: everything they show
// is in the HTML, before any script runs.

const NOW = new Date("2026-11-12T10:00:00Z");

const stone = (values: Partial<OverviewStone> & Pick<OverviewStone, "id" | "title" | "status" | "position">): OverviewStone => ({
  kind: "project",
  targetOn: null,
  evidence: 0,
  ...values,
});

const person = (values: Partial<NextStepPerson> & Pick<NextStepPerson, "contactId" | "name">): NextStepPerson => ({
  stoneId: "s-3",
  part: "can_help",
  note: null,
  lastTouchedAt: new Date("2026-11-01T12:00:00Z"),
  nextDueAt: new Date("2026-12-01T12:00:00Z"),
  snoozedUntil: null,
  health: { band: "steady", score: 61 },
  isArchived: false,
  isDue: false,
  ...values,
});

const stones = [
  stone({ id: "s-1", title: "Ship the data platform", status: "done", position: 0, evidence: 2 }),
  stone({ id: "s-2", title: "Move to Berlin", status: "dropped", position: 1 }),
  stone({ id: "s-3", title: "Get to know climate tech", status: "planned", position: 2, kind: "relationship", targetOn: "2027-03-01" }),
  stone({ id: "s-4", title: "Pass the Kubernetes exam", status: "planned", position: 3 }),
];

const goal: ActiveGoalView = {
  id: "g-1",
  title: "Lead a platform group",
  why: "Build the teams that cut emissions",
  horizonOn: "2028-12-31",
  status: "active",
  isNorthStar: true,
  stones,
  progress: { done: 1, total: 3 },
  next: {
    ...(stones[2] as OverviewStone),
    people: [
      person({ contactId: "c-1", name: "Ada Quinn", part: "could_introduce", note: "to people at Watershed", isDue: true, nextDueAt: new Date("2026-11-01T12:00:00Z") }),
      person({ contactId: "c-2", name: "Bo Sato", isArchived: true, health: null }),
    ],
  },
};

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the Career page's sections", () => {
  it("draw a goal's path with its progress, evidence and the next step marked", () => {
    const html = renderToStaticMarkup(<OverviewGoalPath goal={goal} />);
    expect(html).toMatch(/<section aria-labelledby="([^"]+)"[^>]*>[\s\S]*<h2 id="\1"[^>]*><a [^>]*href="\/career\/goals\/g-1"[^>]*>Lead a platform group<\/a><\/h2>/);
    const shown = text(html);
    expect(shown).toContain("1 of 3 steps done");
    expect(shown).toContain("2 wins as evidence");
    expect(shown).toContain("North star");
    expect(shown).toContain("Done: Ship the data platform");
    expect(shown).toContain("Next: Get to know climate tech");
    expect(shown).toContain("Later: Pass the Kubernetes exam");
    expect(html).toMatch(/line-through[^"]*"><span class="sr-only">Dropped: <\/span>Move to Berlin/);
  });

  it("name the people of the next step with a touch and Reconnect for each, none for an archived one", () => {
    const html = renderToStaticMarkup(
      <CaptureQueueProvider userId="00000000-0000-4000-8000-000000000001">
        <LogTouchProvider>
          <OverviewNextSteps goals={[goal]} now={NOW} timeZone="UTC" />
        </LogTouchProvider>
      </CaptureQueueProvider>,
    );
    const shown = text(html);
    expect(html).toContain('aria-labelledby="career-next-step"');
    expect(shown).toContain("The next step");
    expect(shown).toContain("Get to know climate tech");
    expect(shown).toContain("Ada could introduce you to people at Watershed");
    expect(shown).toContain("11 days overdue");
    expect(html).toContain('aria-label="Log touch with Ada Quinn"');
    expect(html).toContain('aria-label="Add Ada Quinn to Reconnect"');
    expect(html).toContain('aria-label="Log touch with Bo Sato"');
    expect(html).not.toContain('aria-label="Add Bo Sato to Reconnect"');
    expect(shown).toContain("Archived");
  });

  it("say when a goal has no step ahead", () => {
    const html = renderToStaticMarkup(
      <OverviewNextSteps goals={[{ ...goal, next: undefined }]} now={NOW} timeZone="UTC" />,
    );
    expect(text(html)).toContain("Every planned step is behind you toward Lead a platform group");
  });

  it("show the skills' levels in a table beside the chart, and learning with its hours", () => {
    const skills = [
      {
        skillId: "k-1",
        name: "Kubernetes",
        recentWins: 3,
        lastUsedOn: "2025-01-02",
        points: [
          { on: "2024-01-01", level: 2 },
          { on: "2026-06-01", level: 4 },
        ],
      },
    ];
    const shown = text(renderToStaticMarkup(<OverviewSkills skills={skills} today="2026-11-12" />));
    expect(shown).toContain("Kubernetes Going stale 4 · Advanced Up 3 2 Jan 2025");
    const learning = renderToStaticMarkup(
      <OverviewLearning
        summary={{ quarterStart: "2026-10-01", quarterEnd: "2026-12-31", items: 1, hours: 6 }}
        items={[{ id: "l-1", title: "Kubernetes the hard way", kind: "course", status: "done", hours: 6, finishedOn: "2026-10-20" }]}
      />,
    );
    expect(learning).toContain('aria-labelledby="career-learning"');
    expect(text(learning)).toContain("Learning this quarter");
    expect(text(learning)).toContain("This quarter: 1 item, 6 hours");
    expect(text(learning)).toContain("Kubernetes the hard way Course · finished 20 Oct 2026 · 6 hours");
    expect(text(renderToStaticMarkup(<OverviewSkills skills={[]} today="2026-11-12" />))).toContain("No levels recorded yet");
  });

  it("list achieved and let-go goals with their progress", () => {
    const shown = text(
      renderToStaticMarkup(
        <OverviewClosedGoals goals={[{ ...goal, id: "g-2", title: "Run a marathon", status: "achieved", stones: stones.slice(0, 1) }]} />,
      ),
    );
    expect(shown).toContain("Run a marathon Achieved · 1 of 1 step done");
  });
});
