import type { ExportContact } from "@/lib/validations/kith-export";

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
