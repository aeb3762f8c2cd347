// Shapes of the dashboard's sections (types only).
import type { Health, HealthBand } from "@/lib/health/model";

export type NetworkHealth = {
  /** Unarchived contacts. */
  contacts: number;
  /** Mean score of those contacts, null when there are none. */
  score: number | null;
  bands: Record<HealthBand, number>;
};

export type ReconnectContact = {
  id: string;
  name: string;
  company: string | null;
  nextDueAt: Date;
  lastTouchedAt: Date | null;
  lastTouchSummary: string | null;
  health: Health;
};

export type ValueWeek = { week: string; given: number; received: number };

export type ValueStreak = {
  /** Consecutive weeks, up to this one, with at least one value-added touch given. */
  weeks: number;
  /** Whether this week already has one; if not the streak is still alive until it ends. */
  includesThisWeek: boolean;
};

export type CircleActivity = { id: string; name: string; lastTouchedAt: Date | null };

export type RecentEvent = {
  id: string;
  name: string;
  occurredOn: string;
  peopleCount: number;
  people: { id: string; name: string }[];
};
