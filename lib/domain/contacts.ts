// Shapes of contacts as the list, the form and the pickers show them (types
// only: the UI and the queries both name them from here).
import type { HealthBand } from "@/lib/health/model";

export type CircleRef = { id: string; name: string };

export type ContactListRow = {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  lastTouchedAt: Date | null;
  nextDueAt: Date | null;
  snoozedUntil: string | null;
  archivedAt: Date | null;
  /** Null for archived contacts, which have no health. */
  score: number | null;
  band: HealthBand | null;
  circles: CircleRef[];
};

export type LikelyDuplicate = {
  id: string;
  name: string;
  company: string | null;
  archivedAt: Date | null;
  reason: "email" | "name";
};

export type ContactOption = { id: string; name: string; company: string | null };

/** A contact as the command palette lists it; health is null until first computed. */
export type PaletteContact = ContactOption & { score: number | null; band: HealthBand | null };
