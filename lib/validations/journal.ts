import { z } from "zod";
import { WIN_KINDS, WIN_PERSON_PARTS } from "@/lib/domain/enums";
import { MAX_URL_LENGTH, MAX_METRIC_UNIT_LENGTH, MAX_SKILL_NAME_LENGTH, MAX_WIN_PEOPLE, MAX_WIN_SKILLS, MAX_WIN_TEXT_LENGTH, MAX_WIN_TITLE_LENGTH } from "@/lib/domain/limits";
import { normalizeUrl } from "@/lib/domain/url";
import { pastDaySchema } from "@/lib/validations/touch";
import { idempotencyKeyField } from "@/lib/validations/idempotency";

export const MAX_ROLE_TEXT_LENGTH = 200;
export const MAX_ROLE_DESCRIPTION_LENGTH = 4000;
// A metric is a person's own figure (40 %, €120k): anything larger is a typo.
export const MAX_METRIC_MAGNITUDE = 1e15;

type Parsed = Record<string, unknown>;

function isObject(value: unknown): value is Parsed {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Cross-field checks run even while other fields are invalid, so the form
// shows every error at once; each judges only values that parsed.
const always = { when: () => true };

function optionalText(max: number, what: string) {
  return z
    .string({ error: `Enter ${what} as text.` })
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .nullish()
    .transform((text) => text || null);
}

function requiredText(max: number, messages: { required: string; what: string }) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, messages.required)
    .max(max, `Keep ${messages.what} under ${max} characters.`);
}

// Any calendar day from 1900 to 2100 (a role may start next month).
function daySchema(required: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .pipe(z.iso.date({ error: "Enter a real date, like 2021-03-01." }))
    .refine((day) => day >= "1900-01-01" && day <= "2100-12-31", "Enter a date between 1900 and 2100.");
}

const optionalId = (message: string) =>
  z
    .union([z.uuid({ error: message }), z.literal("")], { error: message })
    .nullish()
    .transform((id) => id || null);

// ——— My roles ———

const roleFields = {
  company: requiredText(MAX_ROLE_TEXT_LENGTH, { required: "Enter the company.", what: "the company" }),
  title: requiredText(MAX_ROLE_TEXT_LENGTH, { required: "Enter your title, like “Staff Engineer”.", what: "the title" }),
  location: optionalText(MAX_ROLE_TEXT_LENGTH, "the location"),
  description: optionalText(MAX_ROLE_DESCRIPTION_LENGTH, "the description"),
  startedOn: daySchema("Enter the day you started."),
  // Empty: the current role.
  endedOn: z
    .union([daySchema("Enter the day it ended, or leave it empty."), z.literal("")], {
      error: "Enter the day it ended, or leave it empty.",
    })
    .nullish()
    .transform((day) => day || null),
};

function requireEndAfterStart(role: unknown, ctx: z.RefinementCtx) {
  if (!isObject(role)) return;
  const { startedOn, endedOn } = role;
  if (typeof startedOn !== "string" || typeof endedOn !== "string" || endedOn === "") return;
  if (!z.iso.date().safeParse(startedOn.trim()).success || !z.iso.date().safeParse(endedOn.trim()).success) return;
  if (endedOn.trim() < startedOn.trim()) {
    ctx.addIssue({ code: "custom", path: ["endedOn"], message: "A role ends on or after the day it started." });
  }
}

export const roleInputSchema = z.object(roleFields).superRefine(requireEndAfterStart, always);

export type RoleInput = z.input<typeof roleInputSchema>;
export type RoleValues = z.output<typeof roleInputSchema>;

export const roleUpdateSchema = z
  .object({ id: z.uuid({ error: "That role was not found." }), ...roleFields })
  .superRefine(requireEndAfterStart, always);

export type RoleUpdateInput = z.input<typeof roleUpdateSchema>;
export type RoleUpdate = z.output<typeof roleUpdateSchema>;

export const roleIdSchema = z.object({ id: z.uuid({ error: "That role was not found." }) });

export type RoleId = z.output<typeof roleIdSchema>;

// ——— Wins ———

export const skillNameSchema = z
  .string({ error: "Enter the skill as text." })
  .trim()
  .transform((name) => name.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "A skill needs a name.")
      .max(MAX_SKILL_NAME_LENGTH, `Keep each skill under ${MAX_SKILL_NAME_LENGTH} characters.`),
  );

export const winPersonSchema = z.object({
  contactId: z.uuid({ error: "Choose people from your contacts." }),
  part: z.enum(WIN_PERSON_PARTS, { error: "Choose the part they played." }),
});

export type WinPersonInput = z.output<typeof winPersonSchema>;

// A number as typed ("40", "1,5", " 120 ") or as a number; empty is none.
const metricValueSchema = z
  .union([z.number({ error: "Enter the metric as a number, like 40." }), z.string()], {
    error: "Enter the metric as a number, like 40.",
  })
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined) return null;
    const text = typeof raw === "number" ? String(raw) : raw.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2");
    if (text === "") return null;
    const value = Number(text);
    if (!Number.isFinite(value) || Math.abs(value) > MAX_METRIC_MAGNITUDE) {
      ctx.addIssue({ code: "custom", message: "Enter the metric as a number, like 40 or 1.5." });
      return z.NEVER;
    }
    return value;
  });

const winFields = {
  occurredOn: pastDaySchema({ required: "Enter the day it happened.", future: "A win can't be in the future." }),
  // Null: not in any of My roles (between jobs, a side project).
  roleId: optionalId("Choose a role from the list."),
  kind: z.enum(WIN_KINDS, { error: "Choose what kind of win it is." }),
  title: requiredText(MAX_WIN_TITLE_LENGTH, {
    required: "Give the win a title, like “Shipped the new billing flow”.",
    what: "the title",
  }),
  what: optionalText(MAX_WIN_TEXT_LENGTH, "what you did"),
  result: optionalText(MAX_WIN_TEXT_LENGTH, "the result"),
  metricValue: metricValueSchema,
  metricUnit: optionalText(MAX_METRIC_UNIT_LENGTH, "the unit"),
  url: z
    .string({ error: "Enter the link as text." })
    .max(MAX_URL_LENGTH, `Keep the link under ${MAX_URL_LENGTH} characters.`)
    .nullish()
    .transform((raw, ctx) => {
      const text = raw?.trim() ?? "";
      if (text === "") return null;
      const url = normalizeUrl(text);
      if (url === null) {
        ctx.addIssue({ code: "custom", message: "Enter a web link, like https://example.com/launch." });
        return z.NEVER;
      }
      return url;
    }),
  situation: optionalText(MAX_WIN_TEXT_LENGTH, "the situation"),
  task: optionalText(MAX_WIN_TEXT_LENGTH, "the task"),
  skills: z
    .array(skillNameSchema, { error: "Enter skills as a list." })
    .max(MAX_WIN_SKILLS, `Tag at most ${MAX_WIN_SKILLS} skills.`)
    .nullish()
    .transform((names) => {
      const byKey = new Map<string, string>();
      for (const name of names ?? []) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
      return [...byKey.values()];
    }),
  people: z
    .array(winPersonSchema, { error: "Choose people from your contacts." })
    .max(MAX_WIN_PEOPLE, `Add at most ${MAX_WIN_PEOPLE} people.`)
    .nullish()
    .transform((people) => {
      const seen = new Set<string>();
      return (people ?? []).filter(({ contactId, part }) => {
        const key = `${contactId.toLowerCase()}:${part}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }),
};

// A unit says what the number measures: a unit with no number is a mistake.
function requireMetricValue(win: unknown, ctx: z.RefinementCtx) {
  if (!isObject(win)) return;
  const unit = typeof win.metricUnit === "string" ? win.metricUnit.trim() : "";
  // The value as parsed so far: empty is null, and a value its own check
  // refused is some other marker, already reported at the field.
  const value = win.metricValue;
  const hasValue = value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "");
  if (unit !== "" && !hasValue) {
    ctx.addIssue({ code: "custom", path: ["metricValue"], message: "Enter the number this unit measures, like 40." });
  }
}

export const winInputSchema = z.object({ ...winFields, ...idempotencyKeyField }).superRefine(requireMetricValue, always);

export type WinInput = z.input<typeof winInputSchema>;
export type WinValues = z.output<typeof winInputSchema>;

export const winUpdateSchema = z
  .object({ id: z.uuid({ error: "That win was not found." }), ...winFields })
  .superRefine(requireMetricValue, always);

export type WinUpdateInput = z.input<typeof winUpdateSchema>;
export type WinUpdate = z.output<typeof winUpdateSchema>;

export const winIdSchema = z.object({ id: z.uuid({ error: "That win was not found." }) });

export type WinId = z.output<typeof winIdSchema>;
