// Shapes of events as their pages show them (types only).
import type { EventKind } from "@/lib/domain/enums";

export type EventDetails = {
  id: string;
  name: string;
  occurredOn: string;
  place: string | null;
  kind: EventKind;
  notes: string | null;
};

export type EventListItem = EventDetails & { peopleCount: number };

export type EventPerson = {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  isArchived: boolean;
};
