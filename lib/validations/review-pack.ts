import { z } from "zod";
import { isCalendarDate } from "@/lib/domain/dates";
import { DEFAULT_REVIEW_RANGE, REVIEW_RANGES } from "@/lib/domain/review-pack";

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const day = z.preprocess(first, z.string().trim().refine(isCalendarDate).optional()).catch(undefined);

// The review page's URL (?range=6m|12m|year|role|custom&role=<id>&from=&to=),
// also read by its Markdown download: a hand-edited or stale value falls back
// to the default instead of failing. Whether the role is the user's and the
// dates make a range is decided with the user's roles and today
// (lib/journal/review-range.ts).
export const reviewPackQuerySchema = z
  .object({
    range: z.preprocess(first, z.enum(REVIEW_RANGES)).catch(DEFAULT_REVIEW_RANGE),
    role: z.preprocess(first, z.uuid().optional()).catch(undefined),
    from: day,
    to: day,
  })
  .catch({ range: DEFAULT_REVIEW_RANGE, role: undefined, from: undefined, to: undefined });

export type ReviewPackQuery = z.output<typeof reviewPackQuerySchema>;
