import { z } from "zod";
import { LEARNING_KINDS, LEARNING_STATUSES } from "@/lib/domain/enums";
import type { LearningFilters } from "@/lib/domain/learning";
import { MAX_WIN_SKILLS, MAX_URL_LENGTH, MAX_LEARNING_NOTES_LENGTH, MAX_LEARNING_TITLE_LENGTH } from "@/lib/domain/limits";
import { latestAllowedDate } from "@/lib/domain/touch-dates";
import { normalizeUrl } from "@/lib/domain/url";
import { skillNameSchema } from "@/lib/validations/journal";
import { pageNumber } from "@/lib/validations/paging";

export const MAX_LEARNING_HOURS = 10_000;
// The skill input caps tags at the journal's number: one limit for both forms.
export const MAX_LEARNING_SKILLS = MAX_WIN_SKILLS;

type Parsed = Record<string, unknown>;

function isObject(value: unknown): value is Parsed {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Cross-field checks run even while other fields are invalid, so the form
// shows every error at once; each judges only values that parsed.
const always = { when: () => true };

const MIN_DAY = "1900-01-01";
const MAX_DAY = "2100-12-31";

// An optional calendar day, empty meaning none. `latest` bounds it above.
function optionalDay(messages: { type: string; late: string }, latest: () => string) {
  return z
    .string({ error: messages.type })
    .nullish()
    .transform((raw, ctx) => {
      const text = raw?.trim() ?? "";
      if (text === "") return null;
      if (!z.iso.date().safeParse(text).success) {
        ctx.addIssue({ code: "custom", message: "Enter a real date, like 2026-03-14." });
        return z.NEVER;
      }
      if (text < MIN_DAY) {
        ctx.addIssue({ code: "custom", message: "Enter a date after 1900." });
        return z.NEVER;
      }
      if (text > latest()) {
        ctx.addIssue({ code: "custom", message: messages.late });
        return z.NEVER;
      }
      return text;
    });
}

const HOURS_MESSAGE = "Enter the hours as a number, like 6 or 1.5.";

// Hours as typed ("6", "1,5", " 2.25 ") or as a number; empty is none. A
// comma is a decimal comma, except before exactly three digits, where it
// could as well group thousands ("1,500"): that is asked about, not guessed.
export const hoursSchema = z
  .union([z.number(), z.string()], { error: HOURS_MESSAGE })
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined) return null;
    const text = typeof raw === "number" ? String(raw) : raw.trim();
    if (text === "") return null;
    if (/^\d+,\d{3}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `Write ${text.replace(",", "")} or ${text.replace(",", ".")}: a comma could mean either.` });
      return z.NEVER;
    }
    const decimal = text.replace(",", ".");
    const hours = typeof raw === "number" ? raw : /^(\d+(\.\d*)?|\.\d+)$/.test(decimal) ? Number(decimal) : Number.NaN;
    if (!Number.isFinite(hours) || hours < 0) {
      ctx.addIssue({ code: "custom", message: HOURS_MESSAGE });
      return z.NEVER;
    }
    if (hours > MAX_LEARNING_HOURS) {
      ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_LEARNING_HOURS.toLocaleString("en")} hours.` });
      return z.NEVER;
    }
    return hours;
  });

const learningFields = {
  title: z
    .string({ error: "Give it a title, like “Designing Data-Intensive Applications”." })
    .trim()
    .min(1, "Give it a title, like “Designing Data-Intensive Applications”.")
    .max(MAX_LEARNING_TITLE_LENGTH, `Keep the title under ${MAX_LEARNING_TITLE_LENGTH} characters.`),
  kind: z.enum(LEARNING_KINDS, { error: "Choose what kind of learning it is." }),
  status: z.enum(LEARNING_STATUSES, { error: "Choose planned, in progress or done." }),
  // A course can be booked to start next year.
  startedOn: optionalDay({ type: "Enter the day you started as a date.", late: "Enter a date before 2101." }, () => MAX_DAY),
  // Finishing is something that happened: not after the earliest zone's today.
  finishedOn: optionalDay(
    { type: "Enter the day you finished as a date.", late: "You can't have finished in the future." },
    latestAllowedDate,
  ),
  hours: hoursSchema,
  mentorId: z
    .union([z.uuid({ error: "Choose the person from your contacts." }), z.literal("")], {
      error: "Choose the person from your contacts.",
    })
    .nullish()
    .transform((id) => id || null),
  url: z
    .string({ error: "Enter the link as text." })
    .max(MAX_URL_LENGTH, `Keep the link under ${MAX_URL_LENGTH} characters.`)
    .nullish()
    .transform((raw, ctx) => {
      const text = raw?.trim() ?? "";
      if (text === "") return null;
      const url = normalizeUrl(text);
      if (url === null) {
        ctx.addIssue({ code: "custom", message: "Enter a web link, like https://example.com/course." });
        return z.NEVER;
      }
      return url;
    }),
  notes: z
    .string({ error: "Enter the notes as text." })
    .trim()
    .max(MAX_LEARNING_NOTES_LENGTH, `Keep the notes under ${MAX_LEARNING_NOTES_LENGTH} characters.`)
    .nullish()
    .transform((text) => text || null),
  skills: z
    .array(skillNameSchema, { error: "Enter skills as a list." })
    .max(MAX_LEARNING_SKILLS, `Tag at most ${MAX_LEARNING_SKILLS} skills.`)
    .nullish()
    .transform((names) => {
      const byKey = new Map<string, string>();
      for (const name of names ?? []) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
      return [...byKey.values()];
    }),
};

function dayValue(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const day = value.trim();
  return z.iso.date().safeParse(day).success ? day : null;
}

// A finished day belongs to something done, on or after the day it started.
function checkDates(item: unknown, ctx: z.RefinementCtx) {
  if (!isObject(item)) return;
  const startedOn = dayValue(item.startedOn);
  const finishedOn = dayValue(item.finishedOn);
  if (finishedOn === null) return;
  if (startedOn !== null && finishedOn < startedOn) {
    ctx.addIssue({ code: "custom", path: ["finishedOn"], message: "Finished must be on or after the day it started." });
  } else if (item.status === "planned" || item.status === "in_progress") {
    ctx.addIssue({
      code: "custom",
      path: ["finishedOn"],
      message: "Only something done has a finished day: set Status to Done, or clear Finished.",
    });
  }
}

export const learningInputSchema = z.object(learningFields).superRefine(checkDates, always);

export type LearningInput = z.input<typeof learningInputSchema>;
export type LearningValues = z.output<typeof learningInputSchema>;

export const learningUpdateSchema = z
  .object({ id: z.uuid({ error: "That learning item was not found." }), ...learningFields })
  .superRefine(checkDates, always);

export type LearningUpdateInput = z.input<typeof learningUpdateSchema>;
export type LearningUpdate = z.output<typeof learningUpdateSchema>;

export const learningIdSchema = z.object({ id: z.uuid({ error: "That learning item was not found." }) });

export type LearningId = z.output<typeof learningIdSchema>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

// The log's query string: a hand-edited or unknown value filters nothing.
const learningQuerySchema = z.object({
  status: z.preprocess(first, z.enum(LEARNING_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(first, z.enum(LEARNING_KINDS).optional()).catch(undefined),
});

export function parseLearningQuery(searchParams: Record<string, string | string[] | undefined>): {
  filters: LearningFilters;
  page: number;
} {
  const { status, kind } = learningQuerySchema.parse(searchParams);
  const filters: LearningFilters = {};
  if (status) filters.status = status;
  if (kind) filters.kind = kind;
  return { filters, page: pageNumber(searchParams.page) };
}

export function learningHref(filters: LearningFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.kind) params.set("kind", filters.kind);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/career/learning?${query}` : "/career/learning";
}
