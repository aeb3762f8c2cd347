import type { StonePersonPart, StoneStatus } from "@/lib/domain/enums";

// What makes a stepping stone real: the skills it needs, the people who
// matter for it, the wins that prove progress, the events that advanced it.
// Read per goal by db/queries/stone-links.ts, shown by components/career/stone-links.tsx.
export type StoneLinkSet = {
  skills: { id: string; name: string }[];
  people: { contactId: string; name: string; part: StonePersonPart; note: string | null }[];
  wins: { id: string; title: string; occurredOn: string }[];
  events: { id: string; name: string; occurredOn: string }[];
};

export const EMPTY_STONE_LINKS: StoneLinkSet = { skills: [], people: [], wins: [], events: [] };

type PathStone = { position: number; status: StoneStatus };

// A goal's progress: done steps out of the steps still in the plan (dropped
// ones left it).
export function goalProgress(stones: readonly PathStone[]): { done: number; total: number } {
  const kept = stones.filter((stone) => stone.status !== "dropped");
  return { done: kept.filter((stone) => stone.status === "done").length, total: kept.length };
}

// The next step: the first in the path's order that is neither done nor dropped.
export function nextStone<T extends PathStone>(stones: readonly T[]): T | undefined {
  return [...stones]
    .sort((a, b) => a.position - b.position)
    .find((stone) => stone.status === "planned" || stone.status === "in_progress");
}
