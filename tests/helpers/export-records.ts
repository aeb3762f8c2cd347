import type { ExportContact, ExportRole, ExportSkill, ExportWin } from "@/lib/validations/kith-export";

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
    metAtEventId: null,
    connectedOn: null,
    snoozedUntil: null,
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
