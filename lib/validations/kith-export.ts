// The Kith export format (version 3) as a schema: what lib/export/kith-json.ts
// writes and a restore reads back. Vocabulary, so the restore's queries can
// name its shapes.
//
// Version 2 added the job journal (roles, skills, wins) and the journal
// prompt setting; version 3 the career plan (goals, stepping stones, skill
// levels and teachers, the learning log) and a contact's "Add to Reconnect";
// version 4 a contact's "No reminders" and an imported contact's place in
// its batch's spread of first due dates.
// Older files still restore, as an account without what came later; the
// number changed each time so that an older Kith refuses a newer file
// ("made by a newer version") instead of restoring it and silently leaving
// part of it out.

import { z } from "zod";
import { FIRST_DUE_SHARE_SCALE } from "@/lib/domain/first-due";
import { contactFormSchema } from "./contact";
import { checkCareerReferences, exportCareerSchema } from "./kith-export-career";
import { exportRoleSchema, exportSkillSchema, exportWinSchema, instant } from "./kith-export-journal";
import { eventInputSchema } from "./event";
import { settingsInputSchema } from "./settings";
import {
  storedBirthdaySchema,
  storedCircleNameSchema,
  storedEmailSchema,
  storedExtraSchema,
  storedLabelSchema,
  storedLinkSchema,
  storedLocationSchema,
  storedNameSchema,
  storedNotesSchema,
  storedPhoneSchema,
  storedRows,
  storedSuccessTitleSchema,
  storedTextSchema,
} from "./stored-contact";
import { successInputSchema } from "./success";
import { MAX_TOUCH_CONTACTS, touchUpdateSchema } from "./touch";

export const KITH_EXPORT_FORMAT = "kith-export";
export const KITH_EXPORT_VERSION = 4;

// ---------------------------------------------------------------- schema
//
// A file can say anything, so every record goes through the rules of the
// app that writes it, and is stored as those rules give it back (trimmed,
// links normalised, one-line fields on one line): a restore brings in nothing the app itself would
// refuse. Settings, events, touches and successes are what the forms write;
// a contact and a circle are what any writer (an import included) can have
// stored. What no form writes (ids, timestamps) is checked for its type.

const id = z.string().min(1, "An id is missing.").max(100, "An id is too long.");
const day = z.iso.date({ error: "Expected a date like 2026-11-12." });

const settingsFields = settingsInputSchema.shape;

export const exportSettingsSchema = z.object({
  name: settingsFields.name.nullable(),
  timeZone: settingsFields.timeZone.nullable(),
  digestWeekday: settingsFields.digestWeekday,
  digestHour: settingsFields.digestHour,
  digestEnabled: settingsFields.digestEnabled,
  journalPromptEnabled: z.boolean({ error: "Expected true or false." }),
  defaultCadenceDays: settingsFields.defaultCadenceDays,
});

export const exportAccountSchema = z.object({ email: z.string(), createdAt: instant });

// A circle an import made from a label may have a longer name than the form takes.
export const exportCircleSchema = z.object({ id, name: storedCircleNameSchema, createdAt: instant });

export const exportEventSchema = z.object({ id, ...eventInputSchema.shape, createdAt: instant });

// A contact as Kith can have stored it, from a form, quick add, an import
// or a restore: the safety rules are the forms', the bounds the largest
// writer's (lib/validations/stored-contact.ts). An import keeps more than a
// form takes (a 30,000-character name from three cells, a phone "ext. 12",
// a cell-long label, a birthday in 1850), and an account's own export must
// always restore.
const contactFields = contactFormSchema.shape;
const optionalDay = day.nullable();

export const exportContactSchema = z.object({
  id,
  name: storedNameSchema,
  company: storedTextSchema("the company"),
  role: storedTextSchema("the role"),
  location: storedLocationSchema,
  notes: storedNotesSchema,
  // Year null: a birthday known without its year.
  birthday: storedBirthdaySchema.nullable(),
  tier: contactFields.tier,
  cadenceDays: contactFields.cadenceDays,
  remindersEnabled: z.boolean({ error: "Expected true or false." }),
  // lib/domain/first-due.ts: billionths of the cadence, or null.
  firstDueShare: z
    .number({ error: `Expected a whole number from 1 to ${FIRST_DUE_SHARE_SCALE}, or null.` })
    .int(`Expected a whole number from 1 to ${FIRST_DUE_SHARE_SCALE}, or null.`)
    .min(1, `Expected a whole number from 1 to ${FIRST_DUE_SHARE_SCALE}, or null.`)
    .max(FIRST_DUE_SHARE_SCALE, `Expected a whole number from 1 to ${FIRST_DUE_SHARE_SCALE}, or null.`)
    .nullable(),
  metAtEventId: id.nullable(),
  connectedOn: optionalDay,
  snoozedUntil: optionalDay,
  // "Add to Reconnect": due from then until the next touch.
  reconnectRequestedAt: instant.nullable(),
  archivedAt: instant.nullable(),
  lastTouchedAt: instant.nullable(),
  nextDueAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  extra: storedExtraSchema,
  emails: storedRows(z.object({ email: storedEmailSchema, label: storedLabelSchema, isPrimary: z.boolean() }), "emails"),
  phones: storedRows(z.object({ phone: storedPhoneSchema, label: storedLabelSchema }), "phone numbers"),
  links: storedRows(z.object({ url: storedLinkSchema, label: storedLabelSchema }), "links"),
  circles: storedRows(z.object({ id, name: storedCircleNameSchema }), "circles"),
});

const touchFields = touchUpdateSchema.shape;
const DAY_MS = 24 * 60 * 60 * 1000;

export const exportTouchSchema = z
  .object({
    id,
    // The touch form's bounds for its day (pastDaySchema: from 1900, up to
    // tomorrow in UTC), compared as instants: the form's day check, run on
    // each of 50,000 touches, took 2 s.
    occurredAt: instant
      .refine((at) => Date.parse(at) >= Date.UTC(1900, 0, 1), "Enter a date after 1900.")
      .refine((at) => Date.parse(at) < Date.now() + 2 * DAY_MS, "A touch can't be in the future."),
    channel: touchFields.channel,
    summary: touchFields.summary,
    valueKind: touchFields.valueKind,
    valueDirection: touchFields.valueDirection,
    eventId: id.nullable(),
    contactIds: z
      .array(id)
      .min(1, "A touch names no contact.")
      .max(MAX_TOUCH_CONTACTS, `A touch names at most ${MAX_TOUCH_CONTACTS} contacts.`),
    createdAt: instant,
    updatedAt: instant,
  })
  .refine((touch) => (touch.valueKind === null) === (touch.valueDirection === null), {
    message: "A touch that added value needs both its kind and its direction.",
    path: ["valueDirection"],
  });

// A LinkedIn import writes "Now <role> at <company> (was …)" as a title,
// longer than the form takes.
export const exportSuccessSchema = z.object({
  id,
  contactId: id,
  ...successInputSchema.omit({ contactId: true }).shape,
  title: storedSuccessTitleSchema,
  congratulatedByTouchId: id.nullable(),
  createdAt: instant,
});

export const kithExportSchema = z
  .object({
    format: z.literal(KITH_EXPORT_FORMAT),
    version: z.literal(KITH_EXPORT_VERSION),
    exportedAt: instant,
    account: exportAccountSchema.optional(),
    settings: exportSettingsSchema,
    circles: z.array(exportCircleSchema),
    events: z.array(exportEventSchema),
    contacts: z.array(exportContactSchema),
    touches: z.array(exportTouchSchema),
    successes: z.array(exportSuccessSchema),
    roles: z.array(exportRoleSchema),
    skills: z.array(exportSkillSchema),
    wins: z.array(exportWinSchema),
    career: exportCareerSchema,
  })
  .superRefine((data, ctx) => {
    const idsOf = (list: "circles" | "events" | "contacts" | "touches" | "successes" | "roles" | "skills" | "wins") => {
      const seen = new Set<string>();
      data[list].forEach((item, index) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [list, index, "id"], message: "This id is used twice." });
        seen.add(item.id);
      });
      return seen;
    };
    const [circleIds, eventIds, contactIds, touchIds] = [idsOf("circles"), idsOf("events"), idsOf("contacts"), idsOf("touches")];
    idsOf("successes");
    const [roleIds, skillIds, winIds] = [idsOf("roles"), idsOf("skills"), idsOf("wins")];
    const names = new Set<string>();
    data.circles.forEach((circle, index) => {
      const key = circle.name.trim().toLowerCase();
      if (names.has(key)) ctx.addIssue({ code: "custom", path: ["circles", index, "name"], message: "Two circles have this name." });
      names.add(key);
    });
    const unknown = (path: (string | number)[], what: string) =>
      ctx.addIssue({ code: "custom", path, message: `Names ${what} that is not in the file.` });
    data.contacts.forEach((contact, index) => {
      if (contact.metAtEventId !== null && !eventIds.has(contact.metAtEventId)) unknown(["contacts", index, "metAtEventId"], "an event");
      contact.circles.forEach((circle, at) => {
        if (!circleIds.has(circle.id)) unknown(["contacts", index, "circles", at, "id"], "a circle");
      });
    });
    data.touches.forEach((touch, index) => {
      if (touch.eventId !== null && !eventIds.has(touch.eventId)) unknown(["touches", index, "eventId"], "an event");
      touch.contactIds.forEach((contactId, at) => {
        if (!contactIds.has(contactId)) unknown(["touches", index, "contactIds", at], "a contact");
      });
    });
    data.successes.forEach((success, index) => {
      if (!contactIds.has(success.contactId)) unknown(["successes", index, "contactId"], "a contact");
      const touchId = success.congratulatedByTouchId;
      if (touchId !== null && !touchIds.has(touchId)) unknown(["successes", index, "congratulatedByTouchId"], "a touch");
    });
    data.wins.forEach((win, index) => {
      if (win.roleId !== null && !roleIds.has(win.roleId)) unknown(["wins", index, "roleId"], "a role");
      win.people.forEach((person, at) => {
        if (!contactIds.has(person.contactId)) unknown(["wins", index, "people", at, "contactId"], "a contact");
      });
      win.skillIds.forEach((skillId, at) => {
        if (!skillIds.has(skillId)) unknown(["wins", index, "skillIds", at], "a skill");
      });
    });
    checkCareerReferences(data.career, { contactIds, roleIds, skillIds, winIds, eventIds }, ctx);
  });

export type KithExport = z.infer<typeof kithExportSchema>;
export type ExportSettings = z.infer<typeof exportSettingsSchema>;
export type ExportAccount = z.infer<typeof exportAccountSchema>;
export type ExportCircle = z.infer<typeof exportCircleSchema>;
export type ExportEvent = z.infer<typeof exportEventSchema>;
export type ExportContact = z.infer<typeof exportContactSchema>;
export type ExportTouch = z.infer<typeof exportTouchSchema>;
export type ExportSuccess = z.infer<typeof exportSuccessSchema>;
export type { ExportRole, ExportSkill, ExportWin } from "./kith-export-journal";
export type {
  ExportCareer,
  ExportGoal,
  ExportLearningItem,
  ExportSkillProgress,
  ExportStone,
  ExportStoneChange,
} from "./kith-export-career";

// "contacts[12].tier" for a person to find in the file.
function pathText(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");
}

export type ParsedExport = { ok: true; data: KithExport } | { ok: false; message: string };

// Half of a UTF-16 surrogate pair: JSON can write one ("\ud800") and
// JavaScript holds it, but PostgreSQL refuses it in text and jsonb, which
// would fail the restore halfway (and answer 500) instead of naming it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Where the first text (a value, or a key of `extra`) with a lone surrogate
// is. What is walked has passed the schema, so it is a few levels deep; the
// path is one list, grown and shrunk as the walk goes (50,000 contacts).
function brokenTextPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    path.push(key);
    if ((typeof key === "string" && LONE_SURROGATE.test(key)) || brokenTextPath(item, path)) return path;
    path.pop();
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// A version 1 file as version 2: an account with no journal, whose weekly
// email asks about the week (the setting's default). Anything else in it is
// checked as it is, so a damaged file is refused as before.
function fromVersion1(value: Record<string, unknown>): Record<string, unknown> {
  const { settings } = value;
  return {
    ...value,
    version: 2,
    settings: isObject(settings) ? { ...settings, journalPromptEnabled: true } : settings,
    roles: [],
    skills: [],
    wins: [],
  };
}

// A version 2 file as version 3: no career plan, and nobody added to Reconnect.
function fromVersion2(value: Record<string, unknown>): Record<string, unknown> {
  const { contacts } = value;
  return {
    ...value,
    version: 3,
    contacts: Array.isArray(contacts)
      ? contacts.map((contact: unknown) => (isObject(contact) ? { ...contact, reconnectRequestedAt: null } : contact))
      : contacts,
    career: { goals: [], skills: [], learning: [] },
  };
}

// A version 3 file as version 4: every contact with reminders, and due a
// full cadence after it was added until its first touch.
function fromVersion3(value: Record<string, unknown>): Record<string, unknown> {
  const { contacts } = value;
  return {
    ...value,
    version: 4,
    contacts: Array.isArray(contacts)
      ? contacts.map((contact: unknown) =>
          isObject(contact) ? { ...contact, remindersEnabled: true, firstDueShare: null } : contact,
        )
      : contacts,
  };
}

// Reads a parsed JSON value as a Kith export, with one message a person can
// act on when it is not one (the first problem, where it is in the file).
export function parseKithExport(value: unknown): ParsedExport {
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(value);
  if (!head.success || head.data.format !== KITH_EXPORT_FORMAT) {
    return { ok: false, message: "This is not a Kith export. Choose the kith-export-….json file Kith downloaded." };
  }
  if (head.data.version === 1 && isObject(value)) return parseKithExport(fromVersion1(value));
  if (head.data.version === 2 && isObject(value)) return parseKithExport(fromVersion2(value));
  if (head.data.version === 3 && isObject(value)) return parseKithExport(fromVersion3(value));
  if (head.data.version !== KITH_EXPORT_VERSION) {
    return {
      ok: false,
      message:
        typeof head.data.version === "number" && head.data.version > KITH_EXPORT_VERSION
          ? "This export was made by a newer version of Kith. Update Kith, then restore it."
          : "This export's version is not one Kith knows.",
    };
  }
  const parsed = kithExportSchema.safeParse(value);
  if (parsed.success) {
    const broken = brokenTextPath(parsed.data);
    if (!broken) return { ok: true, data: parsed.data };
    return {
      ok: false,
      message: `This export cannot be restored: ${pathText(broken)}: Holds a broken character (half of a UTF-16 surrogate pair); remove it.`,
    };
  }
  const issue = parsed.error.issues[0];
  const count = parsed.error.issues.length;
  const more = count > 1 ? ` (and ${count - 1} more problem${count === 2 ? "" : "s"})` : "";
  return {
    ok: false,
    message: `This export cannot be restored: ${issue ? `${pathText(issue.path)}: ${issue.message.replace(/\.$/, "")}` : "it is damaged"}${more}.`,
  };
}
