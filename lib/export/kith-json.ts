// The Kith export format (version 4): everything of one account as one JSON
// document, readable by people and by restoreKithExport. Ids are the
// account's own and only tie the records together: a restore gives every
// record a new one.
//
// Written in the order a reader can check as it goes: circles and events
// first, then contacts (naming those), touches (naming contacts and events),
// successes (naming contacts and touches), then the job journal: roles,
// skills, and wins (naming roles, skills and contacts), and last the career
// plan (naming all of those). Derived columns (last touched,
// next due) are written for people reading the file and recomputed on
// restore; stored health, a snapshot of one day, is not written. Nor are
// personal access tokens (api_tokens): they are secrets, kept only as
// hashes, and a file that travels must not carry a way into the account; a
// restored account creates its own.

import type { ExportGoalRow, ExportLearningRow, ExportSkillProgressRow } from "@/db/queries/export-career";
import type { ExportRoleRow, ExportSkillRow, ExportWinRow } from "@/db/queries/export-journal";
import type {
  ExportAccountRow,
  ExportCircleRow,
  ExportContactRow,
  ExportEventRow,
  ExportSuccessRow,
  ExportTouchRow,
} from "@/db/queries/export";
import {
  type ExportAccount,
  type ExportCircle,
  type ExportContact,
  type ExportEvent,
  type ExportGoal,
  type ExportLearningItem,
  type ExportRole,
  type ExportSettings,
  type ExportSkill,
  type ExportSkillProgress,
  type ExportSuccess,
  type ExportTouch,
  type ExportWin,
  KITH_EXPORT_FORMAT,
  KITH_EXPORT_VERSION,
} from "@/lib/validations/kith-export";

// ---------------------------------------------------------------- rows to records

const iso = (at: Date) => at.toISOString();
const isoOrNull = (at: Date | null) => (at ? at.toISOString() : null);

export function toExportSettings(row: ExportAccountRow): ExportSettings {
  return {
    name: row.name,
    timeZone: row.timeZone,
    digestWeekday: row.digestWeekday,
    digestHour: row.digestHour,
    digestEnabled: row.digestEnabled,
    journalPromptEnabled: row.journalPromptEnabled,
    defaultCadenceDays: row.defaultCadenceDays,
  };
}

export function toExportCircle(row: ExportCircleRow): ExportCircle {
  return { id: row.id, name: row.name, createdAt: iso(row.createdAt) };
}

export function toExportEvent(row: ExportEventRow): ExportEvent {
  return { ...row, createdAt: iso(row.createdAt) };
}

export function toExportContact(row: ExportContactRow): ExportContact {
  const { birthdayMonth: month, birthdayDay: dayOfMonth, birthdayYear: year, ...rest } = row;
  return {
    id: rest.id,
    name: rest.name,
    company: rest.company,
    role: rest.role,
    location: rest.location,
    notes: rest.notes,
    birthday: month !== null && dayOfMonth !== null ? { month, day: dayOfMonth, year } : null,
    tier: rest.tier,
    cadenceDays: rest.cadenceDays,
    remindersEnabled: rest.remindersEnabled,
    firstDueShare: rest.firstDueShare,
    metAtEventId: rest.metAtEventId,
    connectedOn: rest.connectedOn,
    snoozedUntil: rest.snoozedUntil,
    reconnectRequestedAt: isoOrNull(rest.reconnectRequestedAt),
    archivedAt: isoOrNull(rest.archivedAt),
    lastTouchedAt: isoOrNull(rest.lastTouchedAt),
    nextDueAt: isoOrNull(rest.nextDueAt),
    createdAt: iso(rest.createdAt),
    updatedAt: iso(rest.updatedAt),
    extra: rest.extra,
    emails: rest.emails,
    phones: rest.phones,
    links: rest.links,
    circles: rest.circles,
  };
}

export function toExportTouch(row: ExportTouchRow): ExportTouch {
  return {
    ...row,
    occurredAt: iso(row.occurredAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toExportSuccess(row: ExportSuccessRow): ExportSuccess {
  const { congratulatedByInteractionId, ...rest } = row;
  return { ...rest, congratulatedByTouchId: congratulatedByInteractionId, createdAt: iso(row.createdAt) };
}

export function toExportRole(row: ExportRoleRow): ExportRole {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

export function toExportSkill(row: ExportSkillRow): ExportSkill {
  return { ...row, createdAt: iso(row.createdAt) };
}

export function toExportWin(row: ExportWinRow): ExportWin {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

export function toExportGoal(row: ExportGoalRow): ExportGoal {
  return {
    ...row,
    stones: row.stones.map((stone) => ({
      ...stone,
      history: stone.history.map((entry) => ({
        change: entry.change,
        from: entry.fromValue,
        to: entry.toValue,
        changedAt: entry.changedAt,
      })),
      createdAt: iso(stone.createdAt),
      updatedAt: iso(stone.updatedAt),
    })),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toExportSkillProgress(row: ExportSkillProgressRow): ExportSkillProgress {
  return {
    skillId: row.id,
    levels: row.levels.map((level) => ({ ...level, createdAt: iso(level.createdAt) })),
    teacherIds: row.teacherIds,
  };
}

export function toExportLearningItem(row: ExportLearningRow): ExportLearningItem {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

// ---------------------------------------------------------------- writing

export type KithExportSource = {
  exportedAt: Date;
  account: ExportAccount;
  settings: ExportSettings;
  circles: ExportCircle[];
  events: ExportEvent[];
  contactPages: AsyncIterable<ExportContact[]>;
  touchPages: AsyncIterable<ExportTouch[]>;
  successPages: AsyncIterable<ExportSuccess[]>;
  roles: ExportRole[];
  skills: ExportSkill[];
  winPages: AsyncIterable<ExportWin[]>;
  goalPages: AsyncIterable<ExportGoal[]>;
  skillProgressPages: AsyncIterable<ExportSkillProgress[]>;
  learningPages: AsyncIterable<ExportLearningItem[]>;
};

// The document in pieces, one record a line, a page at a time.
//
// The pages are read one after another while the user may be editing, so a
// record can name one that was added after its list was written. Such
// references are dropped (a touch left with no contacts, or a success whose
// contact is missing, is left out; a win keeps the people, skills and role
// written before it, and the career plan the records written before it):
// the file always restores. What is kept
// for that is the ids written so far, not the records.
export async function* writeKithExport(source: KithExportSource): AsyncGenerator<string> {
  const head = {
    format: KITH_EXPORT_FORMAT,
    version: KITH_EXPORT_VERSION,
    exportedAt: source.exportedAt.toISOString(),
    account: source.account,
    settings: source.settings,
  };
  yield `${JSON.stringify(head).slice(0, -1)},\n`;

  const circleIds = new Set(source.circles.map((circle) => circle.id));
  const eventIds = new Set(source.events.map((event) => event.id));
  const roleIds = new Set(source.roles.map((role) => role.id));
  const skillIds = new Set(source.skills.map((skill) => skill.id));
  const contactIds = new Set<string>();
  const touchIds = new Set<string>();
  const winIds = new Set<string>();
  const known = (ids: Set<string>, id: string | null) => (id !== null && ids.has(id) ? id : null);

  yield* list("circles", toPages([source.circles]), (circle) => circle);
  yield ",\n";
  yield* list("events", toPages([source.events]), (event) => event);
  yield ",\n";
  yield* list("contacts", source.contactPages, (contact) => {
    contactIds.add(contact.id);
    return {
      ...contact,
      metAtEventId: contact.metAtEventId !== null && eventIds.has(contact.metAtEventId) ? contact.metAtEventId : null,
      circles: contact.circles.filter((circle) => circleIds.has(circle.id)),
    };
  });
  yield ",\n";
  yield* list("touches", source.touchPages, (touch) => {
    const ids = touch.contactIds.filter((contactId) => contactIds.has(contactId));
    if (ids.length === 0) return null;
    touchIds.add(touch.id);
    return { ...touch, contactIds: ids, eventId: touch.eventId !== null && eventIds.has(touch.eventId) ? touch.eventId : null };
  });
  yield ",\n";
  yield* list("successes", source.successPages, (success) => {
    if (!contactIds.has(success.contactId)) return null;
    const touchId = success.congratulatedByTouchId;
    return { ...success, congratulatedByTouchId: touchId !== null && touchIds.has(touchId) ? touchId : null };
  });
  yield ",\n";
  yield* list("roles", toPages([source.roles]), (role) => role);
  yield ",\n";
  yield* list("skills", toPages([source.skills]), (skill) => skill);
  yield ",\n";
  yield* list("wins", source.winPages, (win) => {
    winIds.add(win.id);
    return {
      ...win,
      roleId: known(roleIds, win.roleId),
      people: win.people.filter((person) => contactIds.has(person.contactId)),
      skillIds: win.skillIds.filter((skillId) => skillIds.has(skillId)),
    };
  });
  yield ',\n"career":{';
  yield* list("goals", source.goalPages, (goal) => ({
    ...goal,
    stones: goal.stones.map((stone) => ({
      ...stone,
      roleId: known(roleIds, stone.roleId),
      skillIds: stone.skillIds.filter((skillId) => skillIds.has(skillId)),
      people: stone.people.filter((person) => contactIds.has(person.contactId)),
      winIds: stone.winIds.filter((winId) => winIds.has(winId)),
      eventIds: stone.eventIds.filter((eventId) => eventIds.has(eventId)),
    })),
  }));
  yield ",\n";
  // Only skills that have levels or teachers: the skills list above has them all.
  yield* list("skills", source.skillProgressPages, (progress) => {
    if (!skillIds.has(progress.skillId)) return null;
    const teacherIds = progress.teacherIds.filter((contactId) => contactIds.has(contactId));
    return progress.levels.length === 0 && teacherIds.length === 0 ? null : { ...progress, teacherIds };
  });
  yield ",\n";
  yield* list("learning", source.learningPages, (item) => ({
    ...item,
    mentorId: known(contactIds, item.mentorId),
    skillIds: item.skillIds.filter((skillId) => skillIds.has(skillId)),
  }));
  yield "}}\n";
}

async function* toPages<T>(pages: T[][]): AsyncGenerator<T[]> {
  yield* pages;
}

async function* list<T, R>(name: string, pages: AsyncIterable<T[]>, keep: (item: T) => R | null): AsyncGenerator<string> {
  yield `${JSON.stringify(name)}:[`;
  let isFirst = true;
  for await (const page of pages) {
    const lines: string[] = [];
    for (const item of page) {
      const record = keep(item);
      if (record === null) continue;
      lines.push(`${isFirst ? "\n" : ",\n"}${JSON.stringify(record)}`);
      isFirst = false;
    }
    if (lines.length > 0) yield lines.join("");
  }
  yield isFirst ? "]" : "\n]";
}
