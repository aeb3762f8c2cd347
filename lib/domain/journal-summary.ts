// Shapes of the dashboard's Journal card (types only).

export type WinStreak = {
  /** Consecutive ISO weeks, up to this one, with at least one win recorded. */
  weeks: number;
  /** Whether this week has one yet; if not, the streak lives until Sunday. */
  includesThisWeek: boolean;
};

export type JournalHelper = {
  /** The contact. */
  id: string;
  name: string;
  /** Wins in the last 12 months where they helped the user. */
  wins: number;
  /** The newest of those wins, which a thank-you refers to. */
  latestWin: { id: string; title: string; occurredOn: string };
  /** A thanks or congratulation given to them on or after that win's day. */
  isThanked: boolean;
};

export type JournalSummary = {
  hasWins: boolean;
  /** Wins in the calendar month and quarter of today, where the user lives. */
  thisMonth: number;
  thisQuarter: number;
  streak: WinStreak;
  /** Who helped most in the last 12 months, most wins first. */
  helpers: JournalHelper[];
};
