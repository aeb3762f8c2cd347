import type {
  ExportContact,
  ExportGoal,
  ExportLearningItem,
  ExportRole,
  ExportSkill,
  ExportSkillProgress,
  ExportStone,
  ExportWin,
} from "@/lib/validations/kith-export";

/** A contact as a Kith export writes it: what is not given is empty. */
export function exportContact(values: Partial<ExportContact> = {}): ExportContact {
  const at = "2026-11-12T09:30:00.000Z";
  return {
    id: "c1",
    name: "Ada Lovelace",
    company: null,
    role: null,
    location: null,
    notes: null,
    birthday: null,
    tier: "regular",
    cadenceDays: null,
    remindersEnabled: true,
    firstDueShare: null,
    metAtEventId: null,
    connectedOn: null,
    snoozedUntil: null,
    reconnectRequestedAt: null,
    archivedAt: null,
    lastTouchedAt: null,
    nextDueAt: null,
    createdAt: at,
    updatedAt: at,
    extra: {},
    emails: [],
    phones: [],
    links: [],
    circles: [],
    ...values,
  };
}

/** A role as a Kith export writes it. */
export function exportRole(values: Partial<ExportRole> = {}): ExportRole {
  const at = "2026-11-12T09:30:00.000Z";
  return {
    id: "r1",
    company: "Analytical Engines",
    title: "Engineer",
    location: null,
    description: null,
    startedOn: "2024-01-01",
    endedOn: null,
    createdAt: at,
    updatedAt: at,
    ...values,
  };
}

/** A skill as a Kith export writes it. */
export function exportSkill(values: Partial<ExportSkill> = {}): ExportSkill {
  return { id: "k1", name: "TypeScript", createdAt: "2026-11-12T09:30:00.000Z", ...values };
}

/** A win as a Kith export writes it: in no role, with no people or skills unless given. */
export function exportWin(values: Partial<ExportWin> = {}): ExportWin {
  const at = "2026-11-12T09:30:00.000Z";
  return {
    id: "w1",
    roleId: null,
    occurredOn: "2026-11-02",
    kind: "delivered",
    title: "Shipped the billing flow",
    what: null,
    result: null,
    metricValue: null,
    metricUnit: null,
    url: null,
    situation: null,
    task: null,
    people: [],
    skillIds: [],
    createdAt: at,
    updatedAt: at,
    ...values,
  };
}

/** A goal as a Kith export writes it: active, with no stepping stones unless given. */
export function exportGoal(values: Partial<ExportGoal> = {}): ExportGoal {
  const at = "2026-11-12T09:30:00.000Z";
  return {
    id: "g1",
    title: "Lead a platform group",
    why: null,
    horizonOn: null,
    status: "active",
    isNorthStar: false,
    stones: [],
    createdAt: at,
    updatedAt: at,
    ...values,
  };
}

/** A planned stepping stone with its "created" change and no links unless given. */
export function exportStone(values: Partial<ExportStone> = {}): ExportStone {
  const at = "2026-11-12T09:30:00.000Z";
  return {
    id: "st1",
    kind: "project",
    title: "Run the migration",
    notes: null,
    targetOn: null,
    status: "planned",
    completedOn: null,
    roleId: null,
    history: [{ change: "created", from: null, to: null, changedAt: at }],
    skillIds: [],
    people: [],
    winIds: [],
    eventIds: [],
    createdAt: at,
    updatedAt: at,
    ...values,
  };
}

/** A skill's levels and teachers as a Kith export writes them. */
export function exportSkillProgress(values: Partial<ExportSkillProgress> = {}): ExportSkillProgress {
  return { skillId: "k1", levels: [{ level: 2, assessedOn: "2026-01-05", createdAt: "2026-01-05T09:30:00.000Z" }], teacherIds: [], ...values };
}

/** A planned course in the learning log. */
export function exportLearningItem(values: Partial<ExportLearningItem> = {}): ExportLearningItem {
  const at = "2026-11-12T09:30:00.000Z";
  return {
    id: "l1",
    title: "Designing Data-Intensive Applications",
    kind: "book",
    status: "planned",
    startedOn: null,
    finishedOn: null,
    hours: null,
    mentorId: null,
    url: null,
    notes: null,
    skillIds: [],
    createdAt: at,
    updatedAt: at,
    ...values,
  };
}
