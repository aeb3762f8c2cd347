import type { StonePersonPart } from "@/lib/domain/enums";

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
