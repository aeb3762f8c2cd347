import type { StonePersonPart, StoneStatus } from "@/lib/domain/enums";

// An active goal a contact matters for, with the steps they are linked to
// (read by db/queries/stone-links.ts, shown on the contact's page).
export type ContactGoal = {
  id: string;
  title: string;
  isNorthStar: boolean;
  stones: { id: string; title: string; status: StoneStatus; part: StonePersonPart; note: string | null }[];
};

// What the evidence and event pickers offer.
export type WinLinkOption = { id: string; title: string; occurredOn: string };
export type EventLinkOption = { id: string; name: string; occurredOn: string };
