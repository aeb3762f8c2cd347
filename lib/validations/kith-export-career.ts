// The career plan in a Kith export (version 3): goals with their stepping
// stones in order (each with its history and links), the level history and
// teachers of the user's skills, and the learning log. Each record is
// checked by the rules of the form that writes it (goals.ts, stone-links.ts,
// skills.ts, learning.ts), so a restore stores nothing the app would refuse.
// Every reference is to a record elsewhere in the same file (skills by the
// file's skill ids, people and mentors by its contact ids, wins, events and
// roles by theirs), checked by checkCareerReferences: a restore never links
// to anything else. Lists are bounded per record, as a win's people and
// skills are: where the app itself sets no bound (links are added one at a
// time), far above what a person makes.

import { z } from "zod";
import { STONE_CHANGES, STONE_PERSON_PARTS, STONE_STATUSES } from "@/lib/domain/enums";
import { goalInputSchema, MAX_STONE_POSITION, stoneAddSchema, stoneStatusSchema } from "./goals";
import { instant, storable } from "./kith-export-journal";
import { learningInputSchema, MAX_LEARNING_SKILLS } from "./learning";
import { skillLevelSchema } from "./skills";
import { pastDaySchema } from "./touch";
import { MAX_STONE_NOTE_LENGTH } from "@/lib/domain/limits";

// A path's positions go up to MAX_STONE_POSITION.
export const MAX_GOAL_STONES = MAX_STONE_POSITION + 1;
export const MAX_STONE_HISTORY = 10_000;
export const MAX_STONE_LINKS = 1_000;
export const MAX_SKILL_LEVELS = 10_000;
export const MAX_SKILL_TEACHERS = 1_000;

const id = z.string().min(1, "An id is missing.").max(100, "An id is too long.");
// A change's time goes to the database as the text the file has (see
// restore-career.ts), so it is held to what Kith writes: UTC, to the
// microsecond at most, 1900 to 2100.
const changedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, "Expected a time in UTC like 2026-11-12T09:30:00.123456Z.")
  .pipe(z.iso.datetime({ error: "Expected a real date and time." }))
  .refine((at) => at >= "1900" && at < "2101", "Expected a time between 1900 and 2100.");

// Each id once, in the order given.
function idList(max: number, what: string) {
  return z
    .array(id)
    .max(max, `At most ${max} ${what}.`)
    .transform((ids) => [...new Set(ids)]);
}

function enumOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `Expected one of ${values.join(", ")}.` });
}

// ——— Goals and their stepping stones ———

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITION = /^\d{1,5}$/;
const isDayOrNull = (value: string | null) => value === null || (DAY.test(value) && z.iso.date().safeParse(value).success);
const isPosition = (value: string | null) => value !== null && POSITION.test(value) && Number(value) <= MAX_STONE_POSITION;
const isStatus = (value: string | null) => value !== null && (STONE_STATUSES as readonly string[]).includes(value);

type ChangeRule = { from: (value: string | null) => boolean; to: (value: string | null) => boolean; says: string };

// How a change's values are written (db/schema/career.ts): created → to is
// the target day or null; moved → 0-based positions; redated → days or
// null; status → statuses. Anything else would not read back as history.
const CHANGE_VALUES: Record<(typeof STONE_CHANGES)[number], ChangeRule> = {
  created: { from: (v) => v === null, to: isDayOrNull, says: "A created change has no from, and its to is the target day or null." },
  moved: { from: isPosition, to: isPosition, says: "A move goes from one position (0, 1, …) to another." },
  redated: { from: isDayOrNull, to: isDayOrNull, says: "A re-date goes from a day (or null) to a day (or null)." },
  status: { from: isStatus, to: isStatus, says: `A status change goes from one of ${STONE_STATUSES.join(", ")} to another.` },
};

export const exportStoneChangeSchema = z
  .object({
    change: enumOf(STONE_CHANGES),
    from: z.string().max(20, "A change's from value is too long.").nullable(),
    to: z.string().max(20, "A change's to value is too long.").nullable(),
    // To the microsecond: a goal's changes are strictly ordered in time, often within one millisecond.
    changedAt,
  })
  .superRefine((entry, ctx) => {
    const rule: ChangeRule | undefined = CHANGE_VALUES[entry.change];
    if (!rule) return;
    if (!rule.from(entry.from)) ctx.addIssue({ code: "custom", path: ["from"], message: rule.says });
    else if (!rule.to(entry.to)) ctx.addIssue({ code: "custom", path: ["to"], message: rule.says });
  });

const stonePersonSchema = z.object({
  contactId: id,
  part: enumOf(STONE_PERSON_PARTS),
  note: storable(
    z
      .string({ error: "Enter the note as text." })
      .trim()
      .max(MAX_STONE_NOTE_LENGTH, `Keep the note under ${MAX_STONE_NOTE_LENGTH} characters.`)
      .nullable()
      .transform((text) => text || null),
  ),
});

const stoneFields = stoneAddSchema.shape;

export const exportStoneSchema = z
  .object({
    id,
    kind: stoneFields.kind,
    title: storable(stoneFields.title),
    notes: storable(stoneFields.notes),
    targetOn: stoneFields.targetOn,
    status: enumOf(STONE_STATUSES),
    completedOn: stoneStatusSchema.shape.completedOn,
    // A role from My roles that reached this step.
    roleId: id.nullable(),
    history: z.array(exportStoneChangeSchema).max(MAX_STONE_HISTORY, `A stepping stone keeps at most ${MAX_STONE_HISTORY} changes.`),
    skillIds: idList(MAX_STONE_LINKS, "skills on a stepping stone"),
    // One entry per person (the table keeps one part for each).
    people: z
      .array(stonePersonSchema)
      .max(MAX_STONE_LINKS, `A stepping stone names at most ${MAX_STONE_LINKS} people.`)
      .superRefine((people, ctx) => {
        const seen = new Set<string>();
        people.forEach((person, index) => {
          if (seen.has(person.contactId))
            ctx.addIssue({ code: "custom", path: [index, "contactId"], message: "This person is named twice." });
          seen.add(person.contactId);
        });
      }),
    winIds: idList(MAX_STONE_LINKS, "wins on a stepping stone"),
    eventIds: idList(MAX_STONE_LINKS, "events on a stepping stone"),
    createdAt: instant,
    updatedAt: instant,
  })
  // The table refuses it too (stepping_stones_completed_check).
  .refine((stone) => stone.completedOn === null || stone.status === "done", {
    message: "Only a done stepping stone has a day it was completed.",
    path: ["completedOn"],
  });

const goalFields = goalInputSchema.shape;

export const exportGoalSchema = z.object({
  id,
  title: storable(goalFields.title),
  why: storable(goalFields.why),
  horizonOn: goalFields.horizonOn,
  status: goalFields.status,
  isNorthStar: z.boolean({ error: "Expected true or false." }),
  // In the path's order: the first is position 0.
  stones: z.array(exportStoneSchema).max(MAX_GOAL_STONES, `A goal has at most ${MAX_GOAL_STONES} stepping stones.`),
  createdAt: instant,
  updatedAt: instant,
});

// ——— Skills: levels over time and who can teach them ———

export const exportSkillLevelSchema = z.object({
  level: skillLevelSchema,
  // As the level form has it: from 1900, never in the future.
  assessedOn: pastDaySchema({ required: "Enter the day of the assessment.", future: "A level can't be recorded in the future." }),
  createdAt: instant,
});

export const exportSkillProgressSchema = z.object({
  skillId: id,
  levels: z
    .array(exportSkillLevelSchema)
    .max(MAX_SKILL_LEVELS, `A skill keeps at most ${MAX_SKILL_LEVELS} levels.`)
    // The table keeps one a day (skill_levels_skill_day_key).
    .superRefine((levels, ctx) => {
      const days = new Set<string>();
      levels.forEach((level, index) => {
        if (days.has(level.assessedOn)) ctx.addIssue({ code: "custom", path: [index, "assessedOn"], message: "Two levels on this day." });
        days.add(level.assessedOn);
      });
    }),
  teacherIds: idList(MAX_SKILL_TEACHERS, "teachers of a skill"),
});

// ——— The learning log ———

const learningFields = learningInputSchema.shape;

export const exportLearningItemSchema = z
  .object({
    id,
    title: storable(learningFields.title),
    kind: learningFields.kind,
    status: learningFields.status,
    startedOn: learningFields.startedOn,
    finishedOn: learningFields.finishedOn,
    hours: learningFields.hours,
    // The contact who taught or mentored.
    mentorId: id.nullable(),
    url: storable(learningFields.url),
    notes: storable(learningFields.notes),
    skillIds: idList(MAX_LEARNING_SKILLS, "skills on a learning item"),
    createdAt: instant,
    updatedAt: instant,
  })
  // As the form has it; the table refuses the first too (learning_items_dates_check).
  .superRefine((item, ctx) => {
    if (item.finishedOn === null) return;
    if (item.startedOn !== null && item.finishedOn < item.startedOn) {
      ctx.addIssue({ code: "custom", path: ["finishedOn"], message: "Finished must be on or after the day it started." });
    } else if (item.status !== "done") {
      ctx.addIssue({ code: "custom", path: ["finishedOn"], message: "Only something done has a finished day." });
    }
  });

export const exportCareerSchema = z.object({
  goals: z.array(exportGoalSchema),
  skills: z.array(exportSkillProgressSchema),
  learning: z.array(exportLearningItemSchema),
});

export type ExportCareer = z.infer<typeof exportCareerSchema>;
export type ExportGoal = z.infer<typeof exportGoalSchema>;
export type ExportStone = z.infer<typeof exportStoneSchema>;
export type ExportStoneChange = z.infer<typeof exportStoneChangeSchema>;
export type ExportSkillProgress = z.infer<typeof exportSkillProgressSchema>;
export type ExportLearningItem = z.infer<typeof exportLearningItemSchema>;

type Known = { contactIds: Set<string>; roleIds: Set<string>; skillIds: Set<string>; winIds: Set<string>; eventIds: Set<string> };

// Every reference of the career section is to a record in the file, every
// id is used once, and there is one north star at most.
export function checkCareerReferences(career: ExportCareer, known: Known, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path: ["career", ...path], message });
  const check = (ids: Set<string>, value: string | null, path: (string | number)[], what: string) => {
    if (value !== null && !ids.has(value)) issue(path, `Names ${what} that is not in the file.`);
  };
  const once = (seen: Set<string>, value: string, path: (string | number)[], message = "This id is used twice.") => {
    if (seen.has(value)) issue(path, message);
    seen.add(value);
  };
  const [goalIds, stoneIds, progressIds, itemIds] = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
  let northStars = 0;
  career.goals.forEach((goal, g) => {
    once(goalIds, goal.id, ["goals", g, "id"]);
    if (goal.isNorthStar && ++northStars > 1) issue(["goals", g, "isNorthStar"], "Only one goal can be the north star.");
    goal.stones.forEach((stone, s) => {
      const at = ["goals", g, "stones", s];
      once(stoneIds, stone.id, [...at, "id"]);
      check(known.roleIds, stone.roleId, [...at, "roleId"], "a role");
      stone.skillIds.forEach((skillId, i) => check(known.skillIds, skillId, [...at, "skillIds", i], "a skill"));
      stone.people.forEach((person, i) => check(known.contactIds, person.contactId, [...at, "people", i, "contactId"], "a contact"));
      stone.winIds.forEach((winId, i) => check(known.winIds, winId, [...at, "winIds", i], "a win"));
      stone.eventIds.forEach((eventId, i) => check(known.eventIds, eventId, [...at, "eventIds", i], "an event"));
    });
  });
  career.skills.forEach((progress, k) => {
    once(progressIds, progress.skillId, ["skills", k, "skillId"], "This skill is listed twice.");
    check(known.skillIds, progress.skillId, ["skills", k, "skillId"], "a skill");
    progress.teacherIds.forEach((contactId, i) => check(known.contactIds, contactId, ["skills", k, "teacherIds", i], "a contact"));
  });
  career.learning.forEach((item, l) => {
    once(itemIds, item.id, ["learning", l, "id"]);
    check(known.contactIds, item.mentorId, ["learning", l, "mentorId"], "a contact");
    item.skillIds.forEach((skillId, i) => check(known.skillIds, skillId, ["learning", l, "skillIds", i], "a skill"));
  });
}
