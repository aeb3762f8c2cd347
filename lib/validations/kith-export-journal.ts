// The job journal's records in a Kith export (version 2): My roles, the
// user's skills and the wins, each checked by the journal's own form rules
// (lib/validations/journal.ts), so a restore stores nothing the forms would
// refuse and nothing the tables' checks would reject halfway through.

import { z } from "zod";
import { WIN_PERSON_PARTS } from "@/lib/domain/enums";
import { roleInputSchema, skillNameSchema, winInputSchema } from "./journal";
import { MAX_WIN_PEOPLE, MAX_WIN_SKILLS } from "@/lib/domain/limits";

const id = z.string().min(1, "An id is missing.").max(100, "An id is too long.");
// A moment, from 1900 on as everything Kith records is: an ISO year 0000
// (or 0001 less an offset) reads in JavaScript, but PostgreSQL refuses it,
// which would fail a restore halfway instead of naming the field.
export const instant = z.iso
  .datetime({ offset: true, error: "Expected a date and time like 2026-11-12T09:30:00.000Z." })
  .refine((at) => Date.parse(at) >= Date.UTC(1900, 0, 1), "Expected a date and time after 1900.");

// PostgreSQL cannot store U+0000 in text; the forms' rules let it through.
export function storable<T extends z.ZodType>(schema: T): T {
  return schema.refine((value) => typeof value !== "string" || !value.includes("\u0000"), {
    message: "Remove the null character (\\u0000): Kith cannot store it.",
  });
}

const roleFields = roleInputSchema.shape;

export const exportRoleSchema = z
  .object({
    id,
    company: storable(roleFields.company),
    title: storable(roleFields.title),
    location: storable(roleFields.location),
    description: storable(roleFields.description),
    startedOn: roleFields.startedOn,
    endedOn: roleFields.endedOn,
    createdAt: instant,
    updatedAt: instant,
  })
  // The table refuses it too (job_roles_dates_check): refused here, with a message, before anything is written.
  .refine((role) => role.endedOn === null || role.endedOn >= role.startedOn, {
    message: "A role ends on or after the day it started.",
    path: ["endedOn"],
  });

// Every skill the user has named, tagged on a win or not.
export const exportSkillSchema = z.object({ id, name: storable(skillNameSchema), createdAt: instant });

// One person may play several parts in a win; the same part twice is once, as the form keeps it.
const winPeopleSchema = z
  .array(
    z.object({
      contactId: id,
      part: z.enum(WIN_PERSON_PARTS, { error: `Expected one of ${WIN_PERSON_PARTS.join(", ")}.` }),
    }),
  )
  .max(MAX_WIN_PEOPLE, `A win names at most ${MAX_WIN_PEOPLE} people.`)
  .transform((people) => {
    const seen = new Set<string>();
    return people.filter(({ contactId, part }) => {
      const key = JSON.stringify([contactId, part]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const winFields = winInputSchema.shape;

export const exportWinSchema = z
  .object({
    id,
    // Null: not in any of My roles (between jobs, a side project, or its role was deleted).
    roleId: id.nullable(),
    occurredOn: winFields.occurredOn,
    kind: winFields.kind,
    title: storable(winFields.title),
    what: storable(winFields.what),
    result: storable(winFields.result),
    metricValue: winFields.metricValue,
    metricUnit: storable(winFields.metricUnit),
    url: storable(winFields.url),
    situation: storable(winFields.situation),
    task: storable(winFields.task),
    people: winPeopleSchema,
    // Skills by id, not by name: a skill keeps its own record (its name as
    // written, when it was first named), and a skill no win uses is kept too.
    skillIds: z
      .array(id)
      .max(MAX_WIN_SKILLS, `A win has at most ${MAX_WIN_SKILLS} skills.`)
      .transform((ids) => [...new Set(ids)]),
    createdAt: instant,
    updatedAt: instant,
  })
  // The table refuses it too (wins_metric_check).
  .refine((win) => win.metricUnit === null || win.metricValue !== null, {
    message: "A metric's unit needs its number, like 40.",
    path: ["metricValue"],
  });

export type ExportRole = z.infer<typeof exportRoleSchema>;
export type ExportSkill = z.infer<typeof exportSkillSchema>;
export type ExportWin = z.infer<typeof exportWinSchema>;
