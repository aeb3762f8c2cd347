import { z } from "zod";
import { GOAL_STATUSES, STONE_KINDS, STONE_STATUSES } from "@/lib/domain/enums";

export const MAX_GOAL_TITLE_LENGTH = 200;
export const MAX_GOAL_WHY_LENGTH = 4000;
export const MAX_STONE_TITLE_LENGTH = 200;
export const MAX_STONE_NOTES_LENGTH = 4000;
// No path has this many steps; a larger number is a typo or a hostile client.
export const MAX_STONE_POSITION = 10_000;

export const GOAL_NOT_FOUND = "That goal was not found.";
export const STONE_NOT_FOUND = "That step was not found.";

// Every output below is valid input again (empty strings and nulls both mean
// "none"), because a form submits the parsed values to the action, which
// parses them once more.

function requiredText(max: number, messages: { required: string; what: string }) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, messages.required)
    .max(max, `Keep ${messages.what} under ${max} characters.`);
}

function optionalText(max: number, what: string) {
  return z
    .string({ error: `Enter ${what} as text.` })
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .nullish()
    .transform((text) => text || null);
}

// An optional calendar day from 1900 to 2100; "" and null are no day.
function optionalDay(what: string) {
  const message = `Enter ${what} as a real date, like 2027-06-30, or leave it empty.`;
  return z
    .union(
      [
        z
          .string()
          .trim()
          .pipe(z.iso.date({ error: message }))
          .refine((day) => day >= "1900-01-01" && day <= "2100-12-31", "Enter a date between 1900 and 2100."),
        z.literal(""),
      ],
      { error: message },
    )
    .nullish()
    .transform((day) => day || null);
}

const id = (message: string) => z.uuid({ error: message });

// ——— Goals ———

// A checkbox sends "on" when ticked and nothing when not; JSON sends a boolean.
const northStarSchema = z
  .union([z.boolean(), z.enum(["on", "true", "off", "false"])], {
    error: "Choose whether this goal is your north star.",
  })
  .nullish()
  .transform((value) => value === true || value === "on" || value === "true");

const goalFields = {
  title: requiredText(MAX_GOAL_TITLE_LENGTH, {
    required: "Name the goal, like “Lead a platform engineering group”.",
    what: "the goal",
  }),
  why: optionalText(MAX_GOAL_WHY_LENGTH, "why it matters"),
  horizonOn: optionalDay("the horizon"),
  status: z.enum(GOAL_STATUSES, { error: "Choose the goal's status from the list." }).default("active"),
  isNorthStar: northStarSchema,
};

export const goalInputSchema = z.object(goalFields);
export type GoalInput = z.input<typeof goalInputSchema>;
export type GoalValues = z.output<typeof goalInputSchema>;

export const goalUpdateSchema = z.object({ id: id(GOAL_NOT_FOUND), ...goalFields });
export type GoalUpdateInput = z.input<typeof goalUpdateSchema>;
export type GoalUpdate = z.output<typeof goalUpdateSchema>;

export const goalIdSchema = z.object({ id: id(GOAL_NOT_FOUND) });
export type GoalId = z.output<typeof goalIdSchema>;

// ——— Stepping stones ———

const stoneFields = {
  kind: z.enum(STONE_KINDS, { error: "Choose what kind of step it is." }),
  title: requiredText(MAX_STONE_TITLE_LENGTH, {
    required: "Name the step, like “Ship the data platform”.",
    what: "the step",
  }),
  notes: optionalText(MAX_STONE_NOTES_LENGTH, "the notes"),
  // A role from My roles that reached this step; "" and null are none.
  roleId: z
    .union([z.uuid(), z.literal("")], { error: "Choose a role from the list." })
    .nullish()
    .transform((roleId) => roleId || null),
};

export const stoneAddSchema = z.object({
  goalId: id(GOAL_NOT_FOUND),
  ...stoneFields,
  targetOn: optionalDay("the target date"),
});
export type StoneAddInput = z.input<typeof stoneAddSchema>;
export type StoneAdd = z.output<typeof stoneAddSchema>;

// Title, kind, notes and role: edits that are not part of the plan's history.
export const stoneEditSchema = z.object({ id: id(STONE_NOT_FOUND), ...stoneFields });
export type StoneEditInput = z.input<typeof stoneEditSchema>;
export type StoneEdit = z.output<typeof stoneEditSchema>;

// `to` is the 0-based place in the path; past the end means the last place.
export const stoneMoveSchema = z.object({
  id: id(STONE_NOT_FOUND),
  to: z
    .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)], {
      error: "Choose the place to move the step to.",
    })
    .pipe(
      z
        .number()
        .int("Choose a whole place in the path.")
        .min(0, "Choose a place in the path.")
        .max(MAX_STONE_POSITION, "Choose a place in the path."),
    ),
});
export type StoneMoveInput = z.input<typeof stoneMoveSchema>;
export type StoneMove = z.output<typeof stoneMoveSchema>;

export const stoneRedateSchema = z.object({ id: id(STONE_NOT_FOUND), targetOn: optionalDay("the target date") });
export type StoneRedateInput = z.input<typeof stoneRedateSchema>;
export type StoneRedate = z.output<typeof stoneRedateSchema>;

// completedOn is the day a step was done (today where the user lives when
// absent); it goes only with "done".
export const stoneStatusSchema = z
  .object({
    id: id(STONE_NOT_FOUND),
    status: z.enum(STONE_STATUSES, { error: "Choose a status from the list." }),
    completedOn: optionalDay("the day it was done"),
  })
  .superRefine((value, ctx) => {
    if (value.completedOn !== null && value.status !== "done") {
      ctx.addIssue({ code: "custom", path: ["completedOn"], message: "Only a step marked done has a day it was done." });
    }
  });
export type StoneStatusInput = z.input<typeof stoneStatusSchema>;
export type StoneStatusChange = z.output<typeof stoneStatusSchema>;

export const stoneIdSchema = z.object({ id: id(STONE_NOT_FOUND) });
export type StoneId = z.output<typeof stoneIdSchema>;
