import type { SuccessKind } from "@/lib/domain/enums";
import type { HealthBand } from "@/lib/health/model";

// What one weekly digest says, built by the scheduler from the database and
// rendered by emails/digest.tsx. It is also stored on the delivery row, so
// what was sent can be shown again exactly.

/** "Matters for: Lead a platform group — could introduce you to people at Watershed". */
export type DigestMattersFor = {
  goalTitle: string;
  /** whyTheyMatter(part, note) of lib/domain/goal-network.ts. */
  why: string;
  /** Other open steps of active goals they matter for. */
  more: number;
};

export type DigestContact = {
  id: string;
  name: string;
  company: string | null;
  band: HealthBand;
  score: number;
  /** explainHealth(...) of the contact's health. */
  explanation: string;
  /** Calendar days past due, in the user's time zone. */
  overdueDays: number;
  /** The latest touch: its day (YYYY-MM-DD) and summary. */
  lastTouch: { day: string; summary: string | null } | null;
  /**
   * Why they matter for one of the user's active goals (an open stepping
   * stone they are among the people of), and how many other such steps;
   * absent when they matter for none (and in digests stored before it existed).
   */
  mattersFor?: DigestMattersFor;
  /** Signed links (lib/digest/links.ts). */
  logTouchUrl: string;
  snoozeUrl: string;
};

export type DigestSuccess = {
  id: string;
  contactId: string;
  contactName: string;
  kind: SuccessKind;
  title: string;
  occurredOn: string;
  /** Recorded since the previous digest, rather than still waiting from before. */
  isNew: boolean;
  /** Opens the congratulation touch pre-filled (signed). */
  congratulateUrl: string;
};

export type DigestWin = { id: string; title: string; occurredOn: string };

/** "What went well this week?": the journal's prompt, on unless turned off in settings. */
export type DigestJournal = {
  /** Signed; opens the new-win form. */
  recordWinUrl: string;
  /** The week before the digest's week, oldest first; at most a few. */
  lastWeekWins: DigestWin[];
  /** All wins of that week, of which `lastWeekWins` are the first. */
  lastWeekWinsTotal: number;
  journalUrl: string;
};

export type DigestContent = {
  userName: string | null;
  /** ISO week in the user's time zone, e.g. "2026-W48". */
  period: string;
  reconnect: DigestContact[];
  /** All overdue contacts, of which `reconnect` are the first few. */
  reconnectTotal: number;
  congratulate: DigestSuccess[];
  streak: { weeks: number; includesThisWeek: boolean };
  /** The previous ISO week's numbers. */
  lastWeek: { touches: number; given: number; received: number };
  /** Absent when the prompt is off (and in digests stored before it existed). */
  journal?: DigestJournal;
  appUrl: string;
  settingsUrl: string;
  /** Signed; the one-click POST target and the visible link. */
  unsubscribeUrl: string;
};
