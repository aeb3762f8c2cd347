import { addDays, format, parseISO } from "date-fns";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getContact } from "@/db/queries/contacts";
import { setContactSnooze } from "@/db/queries/contacts-write";
import { getSuccessWithContact } from "@/db/queries/successes";
import { disableDigest, getUserSettings } from "@/db/queries/users";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import { todayIn } from "@/lib/domain/dates";
import { CHANNELS, type SuccessKind } from "@/lib/domain/enums";
import { MAX_SUMMARY_LENGTH } from "@/lib/domain/limits";
import { logTouch } from "@/lib/touches/log-touch";
import { type DigestAction, type DigestTokenPayload, digestLinkKey, verifyDigestToken } from "./links";

// What the weekly email's signed links do. The token names the user; the
// session must be that user's (except for unsubscribe, which works without
// one), and every read and write still carries the user id.

export const SNOOZE_DAYS = 14;

export type LinkOptions = { key?: Buffer; now?: Date };

export type LinkRefusal = "invalid" | "expired" | "other-account";

const REFUSALS: Record<LinkRefusal, string> = {
  invalid: "This link is not valid. Open it again from the email.",
  expired: "This link has expired.",
  "other-account": "This link is for another account.",
};

// A token for `action`, or why not. Any verification failure other than age
// is "invalid": the page need not say what was wrong with a forgery.
export function checkDigestToken(
  token: string,
  action: DigestAction,
  options: LinkOptions & { userId?: string } = {},
): { ok: true; payload: DigestTokenPayload } | { ok: false; refusal: LinkRefusal } {
  const verified = verifyDigestToken(token, options.key ?? digestLinkKey(), options.now ?? new Date());
  if (!verified.ok) return { ok: false, refusal: verified.reason === "expired" ? "expired" : "invalid" };
  if (verified.payload.a !== action) return { ok: false, refusal: "invalid" };
  if (options.userId !== undefined && verified.payload.u !== options.userId) return { ok: false, refusal: "other-account" };
  return { ok: true, payload: verified.payload };
}

// --- Unsubscribe: no session, the token is the authority -------------------

type UnsubscribeRefusal = "invalid" | "expired";

export type UnsubscribeResult = { ok: true } | { ok: false; refusal: UnsubscribeRefusal };

function unsubscribeToken(
  token: string,
  options: LinkOptions,
): { ok: true; payload: DigestTokenPayload } | { ok: false; refusal: UnsubscribeRefusal } {
  const checked = checkDigestToken(token, "unsubscribe", options);
  if (checked.ok) return checked;
  return { ok: false, refusal: checked.refusal === "expired" ? "expired" : "invalid" };
}

export async function unsubscribeByToken(db: Db, token: string, options: LinkOptions = {}): Promise<UnsubscribeResult> {
  const checked = unsubscribeToken(token, options);
  if (!checked.ok) return { ok: false, refusal: checked.refusal };
  // A deleted account gets no email either: done all the same.
  await disableDigest(db, { userId: checked.payload.u });
  return { ok: true };
}

export type UnsubscribeView = { status: UnsubscribeRefusal | "subscribed" | "unsubscribed" };

export async function loadUnsubscribeLink(db: Db, token: string, options: LinkOptions = {}): Promise<UnsubscribeView> {
  const checked = unsubscribeToken(token, options);
  if (!checked.ok) return { status: checked.refusal };
  const settings = await getUserSettings(db, { userId: checked.payload.u });
  if (!settings) return { status: "invalid" };
  return { status: settings.digestEnabled ? "subscribed" : "unsubscribed" };
}

// --- Log, snooze, congratulate: signed in as the token's user ---------------

export type LinkContact = { id: string; name: string; lastTouchedAt: Date | null; snoozedUntil: string | null };

export type LinkSuccess = {
  id: string;
  kind: SuccessKind;
  title: string;
  occurredOn: string;
  isCongratulated: boolean;
  contact: { id: string; name: string };
};

export type DigestLinkView =
  | { status: LinkRefusal | "not-found" }
  | { status: "ready"; action: "log"; contact: LinkContact }
  | { status: "ready"; action: "snooze"; contact: LinkContact; until: string }
  | { status: "ready"; action: "congratulate"; success: LinkSuccess }
  | { status: "ready"; action: "record-win"; redirectTo: string };

// "What went well this week?" opens the journal's new-win form; the form
// itself (and its action) does the writing, as when opened from the app.
export const RECORD_WIN_PATH = "/journal/new";

async function linkContact(db: Db, userId: string, contactId: string): Promise<LinkContact | undefined> {
  const contact = await getContact(db, { userId, contactId });
  if (!contact) return undefined;
  return { id: contact.id, name: contact.name, lastTouchedAt: contact.lastTouchedAt, snoozedUntil: contact.snoozedUntil };
}

async function linkSuccess(db: Db, userId: string, successId: string): Promise<LinkSuccess | undefined> {
  const row = await getSuccessWithContact(db, { userId, successId });
  if (!row) return undefined;
  const { congratulatedBy, contactId, contactName, ...success } = row;
  return { ...success, isCongratulated: congratulatedBy !== null, contact: { id: contactId, name: contactName } };
}

// The last day of a snooze that starts today where the user lives; a longer
// snooze already set is kept.
async function snoozeUntil(db: Db, userId: string, contact: LinkContact, now: Date): Promise<string> {
  const settings = await getUserSettings(db, { userId });
  const until = format(addDays(parseISO(todayIn(settings?.timeZone ?? null, now)), SNOOZE_DAYS), "yyyy-MM-dd");
  return contact.snoozedUntil && contact.snoozedUntil > until ? contact.snoozedUntil : until;
}

// What the page shows for a link; reads only, since mail scanners open links.
export async function loadDigestLink(
  db: Db,
  params: { userId: string; action: Exclude<DigestAction, "unsubscribe">; token: string },
  options: LinkOptions = {},
): Promise<DigestLinkView> {
  const { userId, action } = params;
  const checked = checkDigestToken(params.token, action, { ...options, userId });
  if (!checked.ok) return { status: checked.refusal };
  if (action === "record-win") return { status: "ready", action, redirectTo: RECORD_WIN_PATH };
  const { c, s } = checked.payload;
  if (action === "congratulate") {
    const success = s ? await linkSuccess(db, userId, s) : undefined;
    return success ? { status: "ready", action, success } : { status: "not-found" };
  }
  const contact = c ? await linkContact(db, userId, c) : undefined;
  if (!contact) return { status: "not-found" };
  if (action === "log") return { status: "ready", action, contact };
  return { status: "ready", action, contact, until: await snoozeUntil(db, userId, contact, options.now ?? new Date()) };
}

// FormData is strings: the channel from a select, the summary from a textarea.
export const digestLogInputSchema = z.object({
  t: z.string().max(1024),
  channel: z.string().pipe(z.enum(CHANNELS, { error: "Choose how you were in touch." })),
  summary: z
    .string()
    .trim()
    .max(MAX_SUMMARY_LENGTH, `Keep the summary under ${MAX_SUMMARY_LENGTH} characters.`)
    .nullish()
    .transform((text) => text || null),
});
export type DigestLogInput = z.input<typeof digestLogInputSchema>;

export const digestSnoozeInputSchema = z.object({ t: z.string().max(1024) });
export type DigestSnoozeInput = z.input<typeof digestSnoozeInputSchema>;

const NOT_FOUND = "Contact not found.";

// Logs a touch dated today (in the user's zone) with the link's contact.
export async function logTouchFromDigest(
  input: z.output<typeof digestLogInputSchema>,
  ctx: ActionContext,
  options: LinkOptions = {},
): Promise<ActionResult<{ touchId: string; contactId: string }>> {
  const checked = checkDigestToken(input.t, "log", { ...options, userId: ctx.userId });
  if (!checked.ok) return fail(REFUSALS[checked.refusal]);
  const contactId = checked.payload.c;
  if (!contactId) return fail(NOT_FOUND);
  const settings = await getUserSettings(ctx.db, { userId: ctx.userId });
  const logged = await logTouch(
    {
      occurredOn: todayIn(settings?.timeZone ?? null, options.now ?? new Date()),
      channel: input.channel,
      summary: input.summary,
      contactIds: [contactId],
      valueKind: null,
      valueDirection: null,
      successId: null,
    },
    ctx,
  );
  return logged.ok ? ok({ touchId: logged.data.id, contactId }) : fail(NOT_FOUND);
}

export async function snoozeFromDigest(
  input: z.output<typeof digestSnoozeInputSchema>,
  ctx: ActionContext,
  options: LinkOptions = {},
): Promise<ActionResult<{ contactId: string; snoozedUntil: string }>> {
  const checked = checkDigestToken(input.t, "snooze", { ...options, userId: ctx.userId });
  if (!checked.ok) return fail(REFUSALS[checked.refusal]);
  const contact = checked.payload.c ? await linkContact(ctx.db, ctx.userId, checked.payload.c) : undefined;
  if (!contact) return fail(NOT_FOUND);
  const until = await snoozeUntil(ctx.db, ctx.userId, contact, options.now ?? new Date());
  const row = await setContactSnooze(ctx.db, { userId: ctx.userId, contactId: contact.id, until });
  return row ? ok({ contactId: row.id, snoozedUntil: until }) : fail(NOT_FOUND);
}
