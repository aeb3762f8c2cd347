import { formatDay } from "@/lib/domain/dates";
import { WIN_KIND_LABELS, WIN_KINDS, type WinKind, type WinPersonPart } from "@/lib/domain/enums";
import type { ReviewWin } from "@/lib/domain/review-pack";

// The review pack, built from the user's own words by fixed templates: the
// same wins always give the same pack, and nothing is sent anywhere.

export type ReviewPackWin = ReviewWin & {
  /** "2 Mar 2026". */
  day: string;
  /** "40 % build time"; null without a metric. */
  metric: string | null;
};

export type ReviewPackPerson = { contactId: string; name: string; wins: ReviewPackWin[] };

export type ReviewStory = {
  win: ReviewPackWin;
  /** Each part as the user wrote it; null when they left it empty. */
  situation: string | null;
  task: string | null;
  action: string | null;
  result: string | null;
};

export type ReviewPack = {
  title: string;
  wins: ReviewPackWin[];
  counts: { wins: number; withMetric: number; skills: number; feedback: number; thanks: number; stories: number };
  /** Only the kinds with wins, in WIN_KINDS order. */
  sections: { kind: WinKind; label: string; wins: ReviewPackWin[] }[];
  /** Skill → its wins, skills in alphabetical order. */
  bySkill: { skill: string; wins: ReviewPackWin[] }[];
  /** Those who can vouch for a win: whom to ask for feedback. */
  feedback: ReviewPackPerson[];
  /** Those who helped: whom to thank. */
  thanks: ReviewPackPerson[];
  bullets: { win: ReviewPackWin; text: string }[];
  stories: ReviewStory[];
};

export const UNTITLED_WIN = "Untitled win";
const UNNAMED_PERSON = "Unnamed contact";

// Text on one line: line breaks, tabs and other control characters become a
// single space. Bullets, titles and names are one line wherever they appear.
// (\x00-\x1f and \x7f-\x9f are Unicode's control characters; a class without
// the u flag runs several times faster, and a year's pack calls this 20,000 times.)
const BREAKS = /[\s\x00-\x1f\x7f-\x9f]+/g;

export function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(BREAKS, " ").trim();
}

function personName(name: string): string {
  return oneLine(name) || UNNAMED_PERSON;
}

// The win's link when it is a web address (the form stores nothing else;
// this keeps any other scheme out of an href whatever the row holds).
export function webLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function filled(text: string | null): string | null {
  return oneLine(text) === "" ? null : (text ?? "").trim();
}

// Up to two decimals and none that are zero; thousands grouped from 10,000 on
// (a year-like 2026 stays as written); never "-0".
const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2, useGrouping: "min2", signDisplay: "negative" });

export function formatMetric(value: number | null, unit: string | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const number = NUMBER.format(value);
  const label = oneLine(unit);
  return label === "" ? number : `${number} ${label}`;
}

// A clause ends where the bullet's next part begins: no full stop before the dash.
function clause(text: string | null): string {
  return oneLine(text).replace(/[\s.;,:]+$/u, "");
}

// One line: what I did (else the title), then the result and the metric after
// a dash. "Cut build time by rebuilding the CI cache — 40 % build time",
// "Rebuilt the CI cache — builds take 12 minutes (40 % build time)".
export function resumeBullet(win: Pick<ReviewWin, "title" | "what" | "result" | "metricValue" | "metricUnit">): string {
  const lead = clause(win.what) || clause(win.title) || UNTITLED_WIN;
  const result = clause(win.result);
  const outcome = result === lead ? "" : result;
  const metric = formatMetric(win.metricValue, win.metricUnit);
  if (outcome && metric) return `${lead} — ${outcome} (${metric})`;
  if (outcome || metric) return `${lead} — ${outcome || metric}`;
  return lead;
}

// A STAR story for a win whose situation or task is filled; each part is
// shown only when there is something in it.
export function starStory(win: ReviewPackWin): ReviewStory | null {
  const situation = filled(win.situation);
  const task = filled(win.task);
  if (situation === null && task === null) return null;
  const result = filled(win.result);
  return {
    win,
    situation,
    task,
    action: filled(win.what),
    result: result && win.metric ? `${result} (${win.metric})` : (result ?? win.metric),
  };
}

// One collator for every comparison: building one per call costs more than the sort.
const COLLATOR = new Intl.Collator("en", { sensitivity: "base" });
const byName = (a: string, b: string) => COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

// The people who played `part` in any win, each once with their wins; who
// appears in most wins first.
function peopleWhere(wins: readonly ReviewPackWin[], part: WinPersonPart): ReviewPackPerson[] {
  const people = new Map<string, ReviewPackPerson>();
  for (const win of wins) {
    for (const person of win.people) {
      if (person.part !== part) continue;
      const entry = people.get(person.contactId);
      if (entry) {
        if (entry.wins.at(-1) !== win) entry.wins.push(win);
      } else {
        people.set(person.contactId, { contactId: person.contactId, name: person.name, wins: [win] });
      }
    }
  }
  return [...people.values()].sort(
    (a, b) => b.wins.length - a.wins.length || byName(a.name, b.name) || (a.contactId < b.contactId ? -1 : 1),
  );
}

function skillIndex(wins: readonly ReviewPackWin[]): ReviewPack["bySkill"] {
  const index = new Map<string, { skill: string; wins: ReviewPackWin[] }>();
  for (const win of wins) {
    for (const skill of win.skills) {
      const key = skill.toLowerCase();
      const entry = index.get(key);
      if (!entry) index.set(key, { skill, wins: [win] });
      else if (entry.wins.at(-1) !== win) entry.wins.push(win);
    }
  }
  return [...index.values()].sort((a, b) => byName(a.skill, b.skill));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function reviewSummary(pack: ReviewPack): string {
  const { counts } = pack;
  return [
    plural(counts.wins, "win", "wins"),
    `${counts.withMetric} with a metric`,
    plural(counts.skills, "skill", "skills"),
    plural(counts.feedback, "person to ask for feedback", "people to ask for feedback"),
    plural(counts.thanks, "person to thank", "people to thank"),
  ].join(" · ");
}

// The pack for `wins` (in the order they should read: oldest first), titled
// with the range they cover.
export function buildReviewPack(wins: readonly ReviewWin[], range: { label: string }): ReviewPack {
  // Each date is formatted once: a year's pack names each day many times.
  const days = new Map<string, string>();
  const dayOf = (day: string) => {
    let label = days.get(day);
    if (label === undefined) {
      label = formatDay(day);
      days.set(day, label);
    }
    return label;
  };
  const packWins = wins.map(
    (win): ReviewPackWin => ({
      ...win,
      day: dayOf(win.occurredOn),
      title: oneLine(win.title) || UNTITLED_WIN,
      roleLabel: oneLine(win.roleLabel) || null,
      people: win.people.map((person) => ({ ...person, name: personName(person.name) })),
      skills: win.skills.map((skill) => oneLine(skill)).filter((skill) => skill !== ""),
      metric: formatMetric(win.metricValue, win.metricUnit),
    }),
  );
  const sections = WIN_KINDS.map((kind) => ({
    kind,
    label: WIN_KIND_LABELS[kind],
    wins: packWins.filter((win) => win.kind === kind),
  })).filter((section) => section.wins.length > 0);
  const bySkill = skillIndex(packWins);
  const feedback = peopleWhere(packWins, "can_vouch");
  const thanks = peopleWhere(packWins, "helped_me");
  const stories = packWins.map(starStory).filter((story) => story !== null);
  return {
    title: oneLine(range.label) ? `Review pack — ${oneLine(range.label)}` : "Review pack",
    wins: packWins,
    counts: {
      wins: packWins.length,
      withMetric: packWins.filter((win) => win.metric !== null).length,
      skills: bySkill.length,
      feedback: feedback.length,
      thanks: thanks.length,
      stories: stories.length,
    },
    sections,
    bySkill,
    feedback,
    thanks,
    bullets: packWins.map((win) => ({ win, text: resumeBullet(win) })),
    stories,
  };
}
