import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  type ImportCounts,
  importRows,
  imports,
  successes,
  users,
} from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import type { ColumnMapping } from "@/lib/import/mapped-csv";
import { parseImportFile } from "@/lib/import/parse";
import { type ExistingContact, phoneKey, type PlannedRow, planImport } from "@/lib/import/plan";
import { normalizeLinkedInUrl } from "@/lib/import/csv";
import type { ImportedContact, ImportSource } from "@/lib/import/types";
import { contactHealth } from "@/lib/health/model";
import { textArray, uuidArray } from "./arrays";
import { ensureCircles } from "./circles";
import { rowsOf } from "./rows";

// An import goes: created (mapping for a CSV of unknown shape, else
// parsing) → processImport reads, matches and writes the plan (ready) →
// commitImport applies it (done). Every query names the user; another
// user's import is "not found". Work is claimed through the row, so any
// number of servers can pick up an import whose worker died.

const LEASE_MS = 2 * 60_000;
const WRITE_CHUNK = 2_500;

export type ImportRow = typeof imports.$inferSelect;

// Imports are kept for their report: unconfirmed ones for a week, confirmed
// ones for a month. Each new import clears the user's older ones, so no
// job is needed to do it, on one server or many.
const KEEP_UNCONFIRMED_DAYS = 7;
const KEEP_DONE_DAYS = 30;

export async function createImport(
  db: Db,
  params: { userId: string; source: ImportSource; fileName: string; fileSize: number; content: string; now?: Date },
): Promise<{ id: string; status: ImportRow["status"] }> {
  const { now = new Date(), ...values } = params;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db
    .delete(imports)
    .where(
      and(
        eq(imports.userId, params.userId),
        sql`${imports.status} <> 'committing'`,
        or(
          lt(imports.createdAt, daysAgo(KEEP_DONE_DAYS)),
          and(sql`${imports.status} <> 'done'`, lt(imports.createdAt, daysAgo(KEEP_UNCONFIRMED_DAYS))),
        ),
      ),
    );
  const [row] = await db
    .insert(imports)
    .values({ ...values, status: values.source === "csv" ? "mapping" : "parsing" })
    .returning({ id: imports.id, status: imports.status });
  if (!row) throw new Error("createImport: no row returned");
  return row;
}

export async function getImport(db: Db, params: { userId: string; importId: string }) {
  const [row] = await db
    .select({
      id: imports.id,
      source: imports.source,
      fileName: imports.fileName,
      fileSize: imports.fileSize,
      status: imports.status,
      leaseUntil: imports.leaseUntil,
      mapping: imports.mapping,
      totalRows: imports.totalRows,
      processedRows: imports.processedRows,
      counts: imports.counts,
      errors: imports.errors,
      newRoles: imports.newRoles,
      createdAt: imports.createdAt,
      committedAt: imports.committedAt,
    })
    .from(imports)
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId)));
  return row;
}

/** The file's text, for the column-mapping step. */
export async function getImportContent(db: Db, params: { userId: string; importId: string }) {
  const [row] = await db
    .select({ content: imports.content })
    .from(imports)
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId)));
  return row?.content ?? null;
}

export async function listImports(db: Db, params: { userId: string; limit: number }) {
  return db
    .select({
      id: imports.id,
      source: imports.source,
      fileName: imports.fileName,
      status: imports.status,
      counts: imports.counts,
      totalRows: imports.totalRows,
      createdAt: imports.createdAt,
      committedAt: imports.committedAt,
    })
    .from(imports)
    .where(eq(imports.userId, params.userId))
    .orderBy(desc(imports.createdAt))
    .limit(params.limit);
}

// A CSV's columns are chosen: it can now be read.
export async function setImportMapping(
  db: Db,
  params: { userId: string; importId: string; mapping: ColumnMapping },
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ mapping: params.mapping, status: "parsing", leaseUntil: null })
    .where(and(eq(imports.id, params.importId), eq(imports.userId, params.userId), eq(imports.status, "mapping")))
    .returning({ id: imports.id });
  return rows.length > 0;
}

/** Whether an import waits for a worker: never claimed, or its worker's lease ran out. */
export function needsWorker(row: { status: ImportRow["status"]; leaseUntil: Date | null }, now: Date): boolean {
  return row.status === "parsing" && (row.leaseUntil === null || row.leaseUntil < now);
}

// Reads the file, matches it against the user's contacts and writes the
// plan, row by row, with progress. Does nothing unless it wins the claim.
export async function processImport(db: Db, params: { importId: string; now?: Date }): Promise<void> {
  const now = params.now ?? new Date();
  const [job] = await db
    .update(imports)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), processedRows: 0 })
    .where(
      and(
        eq(imports.id, params.importId),
        eq(imports.status, "parsing"),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
      ),
    )
    .returning();
  if (!job) return;
  const owns = and(eq(imports.id, job.id), eq(imports.userId, job.userId), eq(imports.status, "parsing")) as SQL;
  try {
    const parsed = parseImportFile(job.source, job.content ?? "", (job.mapping as ColumnMapping | null) ?? null);
    if (parsed.errors.length > 0 && parsed.rows === 0) {
      await db.update(imports).set({ status: "failed", errors: parsed.errors, leaseUntil: null, content: null }).where(owns);
      return;
    }
    await db.update(imports).set({ totalRows: parsed.rows }).where(owns);
    const existing = await loadCandidates(db, { userId: job.userId, contacts: parsed.contacts });
    const planned = planImport({ source: job.source, contacts: parsed.contacts, existing });
    const rows: (typeof importRows.$inferInsert)[] = [
      ...planned.map((plan) => rowOf(job.id, plan)),
      ...parsed.rejected.map((rejected) => ({
        importId: job.id,
        row: rejected.row,
        action: "reject" as const,
        reason: rejected.reason,
      })),
    ].sort((a, b) => a.row - b.row);

    await db.delete(importRows).where(eq(importRows.importId, job.id));
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      await insertImportRows(db, rows.slice(start, start + WRITE_CHUNK));
      await db
        .update(imports)
        .set({ processedRows: Math.min(rows.length, start + WRITE_CHUNK) })
        .where(owns);
    }
    const counts: ImportCounts = { create: 0, merge: 0, skip: 0, reject: 0 };
    for (const row of rows) counts[row.action] += 1;
    await db
      .update(imports)
      // The plan holds all the file had: the file itself is no longer needed.
      .set({ status: "ready", counts, errors: parsed.errors, leaseUntil: null, processedRows: rows.length, content: null })
      .where(owns);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(imports)
      .set({ status: "failed", errors: [`Kith could not read this file: ${message}`], leaseUntil: null, content: null })
      .where(owns);
  }
}

// Thousands of rows as one JSON parameter: a multi-row VALUES list costs
// ten parameters a row to bind, and was most of the preview's time.
async function insertImportRows(db: Db, rows: (typeof importRows.$inferInsert)[]) {
  const json = JSON.stringify(
    rows.map((row) => ({
      import_id: row.importId,
      row: row.row,
      action: row.action,
      contact: row.contact ?? null,
      new_contact_id: row.newContactId ?? null,
      match_contact_id: row.matchContactId ?? null,
      match_reason: row.matchReason ?? null,
      match_row: row.matchRow ?? null,
      changes: row.changes ?? null,
      reason: row.reason ?? null,
    })),
  );
  await db.execute(sql`
    insert into ${importRows} (import_id, row, action, contact, new_contact_id, match_contact_id, match_reason,
      match_row, changes, reason)
    select x.import_id, x.row, x.action::import_action, x.contact, x.new_contact_id, x.match_contact_id,
      x.match_reason, x.match_row, x.changes, x.reason
    from jsonb_to_recordset(${json}::jsonb) as x(import_id uuid, row int, action text, contact jsonb,
      new_contact_id uuid, match_contact_id uuid, match_reason text, match_row int, changes jsonb, reason text)`);
}

function rowOf(importId: string, plan: PlannedRow): typeof importRows.$inferInsert {
  const base = { importId, row: plan.row, action: plan.action, contact: plan.contact };
  switch (plan.action) {
    case "create":
      return { ...base, newContactId: randomUUID() };
    case "merge":
      return {
        ...base,
        matchContactId: plan.matchContactId,
        matchRow: plan.matchRow,
        matchReason: plan.matchReason,
        changes: plan.changes,
      };
    case "skip":
      return { ...base, matchContactId: plan.matchContactId, matchReason: plan.matchReason, reason: plan.reason };
    case "reject":
      return { ...base, reason: plan.reason };
  }
}

// The user's contacts that any parsed row could match, with what merging
// needs to know about them. Archived contacts count: re-importing someone
// archived must not create them again.
async function loadCandidates(
  db: Db,
  params: { userId: string; contacts: ImportedContact[] },
): Promise<ExistingContact[]> {
  const { userId } = params;
  const emails = [...new Set(params.contacts.flatMap((c) => c.emails.map((e) => e.value.toLowerCase())))];
  const names = [...new Set(params.contacts.map((c) => c.name.trim().toLowerCase()))];
  const linkedin = new Set(params.contacts.flatMap((c) => (c.linkedinUrl ? [c.linkedinUrl] : [])));
  const phones = new Set(params.contacts.flatMap((c) => c.phones.flatMap((p) => phoneKey(p.value) ?? [])));

  const [byEmail, byName, links, phoneRows] = await Promise.all([
    emails.length
      ? db
          .select({ id: contactEmails.contactId })
          .from(contactEmails)
          .where(and(eq(contactEmails.userId, userId), sql`lower(${contactEmails.email}) = any(${textArray(emails)})`))
      : [],
    db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), sql`lower(${contacts.name}) = any(${textArray(names)})`)),
    linkedin.size
      ? db
          .select({ id: contactLinks.contactId, url: contactLinks.url })
          .from(contactLinks)
          .where(and(eq(contactLinks.userId, userId), sql`${contactLinks.url} ilike '%linkedin.com/%'`))
      : [],
    phones.size
      ? db
          .select({ id: contactPhones.contactId, phone: contactPhones.phone })
          .from(contactPhones)
          .where(eq(contactPhones.userId, userId))
      : [],
  ]);
  const ids = new Set([...byEmail, ...byName].map((row) => row.id));
  for (const row of links) if (linkedin.has(normalizeLinkedInUrl(row.url) ?? "")) ids.add(row.id);
  for (const row of phoneRows) if (phones.has(phoneKey(row.phone) ?? "")) ids.add(row.id);
  if (ids.size === 0) return [];

  const list = uuidArray([...ids]);
  const [rows, emailRows, phoneList, linkRows, circleRows] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.userId, userId), sql`${contacts.id} = any(${list})`)),
    db
      .select({ id: contactEmails.contactId, value: contactEmails.email })
      .from(contactEmails)
      .where(and(eq(contactEmails.userId, userId), sql`${contactEmails.contactId} = any(${list})`)),
    db
      .select({ id: contactPhones.contactId, value: contactPhones.phone })
      .from(contactPhones)
      .where(and(eq(contactPhones.userId, userId), sql`${contactPhones.contactId} = any(${list})`)),
    db
      .select({ id: contactLinks.contactId, value: contactLinks.url })
      .from(contactLinks)
      .where(and(eq(contactLinks.userId, userId), sql`${contactLinks.contactId} = any(${list})`)),
    db
      .select({ id: contactCircles.contactId, value: sql<string>`lower(${circles.name})` })
      .from(contactCircles)
      .innerJoin(circles, eq(circles.id, contactCircles.circleId))
      .where(and(eq(contactCircles.userId, userId), sql`${contactCircles.contactId} = any(${list})`)),
  ]);
  const group = (values: { id: string; value: string }[]) => {
    const map = new Map<string, string[]>();
    for (const { id, value } of values) map.set(id, [...(map.get(id) ?? []), value]);
    return map;
  };
  const [emailsOf, phonesOf, linksOf, circlesOf] = [emailRows, phoneList, linkRows, circleRows].map(group);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    company: row.company,
    role: row.role,
    location: row.location,
    notes: row.notes,
    birthday:
      row.birthdayMonth && row.birthdayDay
        ? { year: row.birthdayYear, month: row.birthdayMonth, day: row.birthdayDay }
        : null,
    connectedOn: row.connectedOn,
    emails: emailsOf?.get(row.id) ?? [],
    phones: phonesOf?.get(row.id) ?? [],
    links: linksOf?.get(row.id) ?? [],
    circles: circlesOf?.get(row.id) ?? [],
    extra: row.extra,
  }));
}

export type ImportRowView = {
  row: number;
  action: (typeof importRows.$inferSelect)["action"];
  contact: ImportedContact | null;
  matchContactId: string | null;
  matchName: string | null;
  matchRow: number | null;
  matchReason: string | null;
  changes: (typeof importRows.$inferSelect)["changes"];
  reason: string | null;
};

// A page of the plan (or all of it, for the report), in file order.
export async function listImportRows(
  db: Db,
  params: { userId: string; importId: string; action?: ImportRowView["action"]; limit?: number; offset?: number },
): Promise<ImportRowView[]> {
  const query = db
    .select({
      row: importRows.row,
      action: importRows.action,
      contact: importRows.contact,
      matchContactId: importRows.matchContactId,
      matchName: contacts.name,
      matchRow: importRows.matchRow,
      matchReason: importRows.matchReason,
      changes: importRows.changes,
      reason: importRows.reason,
    })
    .from(importRows)
    .innerJoin(imports, and(eq(imports.id, importRows.importId), eq(imports.userId, params.userId)))
    .leftJoin(contacts, and(eq(contacts.id, importRows.matchContactId), eq(contacts.userId, params.userId)))
    .where(
      and(
        eq(importRows.importId, params.importId),
        params.action ? eq(importRows.action, params.action) : undefined,
      ),
    )
    .orderBy(asc(importRows.row))
    .$dynamic();
  if (params.limit !== undefined) query.limit(params.limit).offset(params.offset ?? 0);
  return query;
}

export type CommitResult =
  | { ok: true; created: number; merged: number; skipped: number; rejected: number; newRoles: number }
  | { ok: false; reason: "not_found" | "not_ready" };

// Applies the plan in one transaction, set-based (10,000 rows in a few
// statements). Claiming ready → committing inside the transaction makes a
// second confirmation wait, then find it done.
export async function commitImport(
  db: Db,
  params: { userId: string; importId: string; circleIds: string[]; newCircle?: string; now?: Date },
): Promise<CommitResult> {
  const { userId, importId } = params;
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(imports)
      .set({ status: "committing" })
      .where(and(eq(imports.id, importId), eq(imports.userId, userId), eq(imports.status, "ready")))
      .returning({ counts: imports.counts });
    if (!job) {
      const found = await getImport(tx, { userId, importId });
      return { ok: false, reason: found ? "not_ready" : "not_found" };
    }
    const ofImport = sql`r.import_id = ${importId}`;
    const text = (path: string) => sql.raw(`nullif(r.contact->>'${path}', '')`);
    const birthday = (part: string) => sql.raw(`(r.contact->'birthday'->>'${part}')::smallint`);

    // New contacts start untouched: their schedule and stored health are
    // what refreshContactSchedule would write, computed once for all of
    // them (updating 10,000 fresh rows afterwards cost seconds).
    const [person] = await tx
      .select({ timeZone: users.timeZone, cadenceDays: users.defaultCadenceDays })
      .from(users)
      .where(eq(users.id, userId));
    const cadenceDays = person?.cadenceDays ?? 30;
    const health = contactHealth({ cadenceDays, createdAt: now, touches: [], now });
    const at = sql`${now.toISOString()}::timestamptz`;
    await tx.execute(sql`
      insert into ${contacts} (id, user_id, name, company, role, location, notes,
        birthday_month, birthday_day, birthday_year, connected_on, extra,
        created_at, updated_at, next_due_at, health_score, health_band, health_as_of)
      select r.new_contact_id, ${userId}::uuid, r.contact->>'name', ${text("company")}, ${text("role")},
        ${text("location")}, ${text("notes")}, ${birthday("month")}, ${birthday("day")}, ${birthday("year")},
        (r.contact->>'connectedOn')::date, coalesce(r.contact->'extra', '{}'::jsonb),
        ${at}, ${at}, ${at} + make_interval(days => ${cadenceDays}), ${health.score}, ${health.band}, ${at}
      from ${importRows} r where ${ofImport} and r.action = 'create'`);
    const created = sql`select r.new_contact_id as contact_id, r.contact->'emails' as emails,
      r.contact->'phones' as phones, r.contact->'links' as links
      from ${importRows} r where ${ofImport} and r.action = 'create'`;
    // Merged rows add only what the contact lacked (r.changes).
    const merged = sql`select r.match_contact_id as contact_id, r.changes->'emails'->'to' as emails,
      r.changes->'phones'->'to' as phones, r.changes->'links'->'to' as links
      from ${importRows} r join ${contacts} c on c.id = r.match_contact_id and c.user_id = ${userId}
      where ${ofImport} and r.action = 'merge'`;
    for (const source of [created, merged]) {
      await tx.execute(sql`
        insert into ${contactEmails} (user_id, contact_id, email, label, is_primary)
        select ${userId}::uuid, s.contact_id, e.value->>'value', e.value->>'label',
          e.ord = 1 and not exists (select 1 from ${contactEmails} x where x.contact_id = s.contact_id and x.is_primary)
        from (${source}) s cross join lateral jsonb_array_elements(coalesce(s.emails, '[]')) with ordinality e(value, ord)`);
      await tx.execute(sql`
        insert into ${contactPhones} (user_id, contact_id, phone, label)
        select ${userId}::uuid, s.contact_id, p.value->>'value', p.value->>'label'
        from (${source}) s cross join lateral jsonb_array_elements(coalesce(s.phones, '[]')) p(value)`);
      await tx.execute(sql`
        insert into ${contactLinks} (user_id, contact_id, url, label)
        select ${userId}::uuid, s.contact_id, l.value->>'value', l.value->>'label'
        from (${source}) s cross join lateral jsonb_array_elements(coalesce(s.links, '[]')) l(value)`);
    }

    // Merges, in rounds: a contact two rows of the file merge into gets the
    // first row's changes, then the second's (one UPDATE sets a row once).
    const change = (field: string) => sql.raw(`r.changes->'${field}'->>'to'`);
    for (let round = 1; ; round += 1) {
      const updated = await tx
        .update(contacts)
        .set({
          company: sql`case when r.changes ? 'company' then ${change("company")} else ${contacts.company} end`,
          role: sql`case when r.changes ? 'role' then ${change("role")} else ${contacts.role} end`,
          location: sql`case when r.changes ? 'location' then ${change("location")} else ${contacts.location} end`,
          notes: sql`case when r.changes ? 'notes' then ${change("notes")} else ${contacts.notes} end`,
          birthdayMonth: sql`coalesce(${contacts.birthdayMonth}, (r.changes->'birthday'->'to'->>'month')::smallint)`,
          birthdayDay: sql`coalesce(${contacts.birthdayDay}, (r.changes->'birthday'->'to'->>'day')::smallint)`,
          birthdayYear: sql`case when ${contacts.birthdayMonth} is null then (r.changes->'birthday'->'to'->>'year')::smallint else ${contacts.birthdayYear} end`,
          connectedOn: sql`coalesce(${contacts.connectedOn}, (${change("connectedOn")})::date)`,
          extra: sql`${contacts.extra} || coalesce(r.changes->'extra'->'to', '{}'::jsonb)`,
          updatedAt: now,
        })
        .from(
          sql`(select m.*, row_number() over (partition by m.match_contact_id order by m.row) as round
            from ${importRows} m where m.import_id = ${importId} and m.action = 'merge' and m.match_contact_id is not null) r`,
        )
        .where(and(eq(contacts.userId, userId), sql`${contacts.id} = r.match_contact_id and r.round = ${round}`))
        .returning({ id: contacts.id });
      if (updated.length === 0) break;
    }

    // Circles: the file's own labels, and those chosen for the whole batch.
    const labelRows = await tx.execute(sql`
      select distinct l.name from ${importRows} r
      cross join lateral jsonb_array_elements_text(
        case when r.action = 'create' then coalesce(r.contact->'labels', '[]') else coalesce(r.changes->'circles'->'to', '[]') end
      ) l(name)
      where ${ofImport} and r.action in ('create', 'merge')`);
    const names = rowsOf<{ name: string }>(labelRows).map((row) => row.name);
    await ensureCircles(tx, { userId, names });
    const target = sql`coalesce(r.new_contact_id, r.match_contact_id,
      (select f.new_contact_id from ${importRows} f where f.import_id = r.import_id and f.row = r.match_row))`;
    await tx.execute(sql`
      insert into ${contactCircles} (user_id, contact_id, circle_id)
      select distinct ${userId}::uuid, ${target}, ci.id from ${importRows} r
      cross join lateral jsonb_array_elements_text(
        case when r.action = 'create' then coalesce(r.contact->'labels', '[]') else coalesce(r.changes->'circles'->'to', '[]') end
      ) l(name)
      join ${circles} ci on ci.user_id = ${userId} and lower(ci.name) = lower(l.name)
      join ${contacts} c on c.id = ${target} and c.user_id = ${userId}
      where ${ofImport} and r.action in ('create', 'merge')
      on conflict do nothing`);
    // A circle named at confirmation ("Web Summit 2026") joins the chosen ones.
    const named = params.newCircle ? await ensureCircles(tx, { userId, names: [params.newCircle] }) : new Map();
    const circleIds = [...params.circleIds, ...named.values()];
    if (circleIds.length > 0) {
      await tx.execute(sql`
        insert into ${contactCircles} (user_id, contact_id, circle_id)
        select distinct ${userId}::uuid, ${target}, ci.id from ${importRows} r
        join ${circles} ci on ci.user_id = ${userId} and ci.id = any(${uuidArray(circleIds)})
        join ${contacts} c on c.id = ${target} and c.user_id = ${userId}
        where ${ofImport} and r.action in ('create', 'merge', 'skip')
        on conflict do nothing`);
    }

    // A changed company or position in a LinkedIn export: a new role to congratulate.
    const today = todayIn(person?.timeZone ?? "UTC", now);
    const roles = rowsOf<{ id: string }>(
      await tx.execute(sql`
        insert into ${successes} (user_id, contact_id, kind, title, occurred_on)
        select ${userId}::uuid, r.match_contact_id,
          (case when r.changes ? 'company' then 'new_job' else 'promotion' end)::success_kind,
          'Now ' || (r.changes->'newRole'->>'to') || coalesce(' (was ' || nullif(r.changes->'newRole'->>'from', '') || ')', ''),
          ${today}::date
        from ${importRows} r join ${contacts} c on c.id = r.match_contact_id and c.user_id = ${userId}
        where ${ofImport} and r.action = 'merge' and r.changes ? 'newRole'
        returning id`),
    );

    await tx
      .update(imports)
      .set({ status: "done", committedAt: now, newRoles: roles.length })
      .where(and(eq(imports.id, importId), eq(imports.userId, userId)));
    const counts = job.counts ?? { create: 0, merge: 0, skip: 0, reject: 0 };
    return {
      ok: true,
      created: counts.create,
      merged: counts.merge,
      skipped: counts.skip,
      rejected: counts.reject,
      newRoles: roles.length,
    };
  });
}

export async function countImportRows(db: Db, params: { userId: string; importId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(importRows)
    .innerJoin(imports, and(eq(imports.id, importRows.importId), eq(imports.userId, params.userId)))
    .where(eq(importRows.importId, params.importId));
  return row?.n ?? 0;
}

