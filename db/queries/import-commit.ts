import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  circles,
  contactCircles,
  contactEmails,
  contactLinks,
  contactPhones,
  contacts,
  importRows,
  imports,
  successes,
  users,
} from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import { TIER_CADENCE_DAYS } from "@/lib/domain/enums";
import { FIRST_DUE_SHARE_SCALE } from "@/lib/domain/first-due";
import { DEFAULT_KEEP_IN_TOUCH, type KeepInTouch } from "@/lib/domain/import";
import { contactHealth } from "@/lib/health/model";
import { uuidArray } from "./arrays";
import { ensureCircles } from "./circles";
import { getImport } from "./imports";
import { rowsOf } from "./rows";

export type CommitResult =
  | { ok: true; created: number; merged: number; skipped: number; rejected: number; newRoles: number }
  | { ok: false; reason: "not_found" | "not_ready" };

// Applies the plan in one transaction, set-based (10,000 rows in a few
// statements). Claiming ready → committing inside the transaction makes a
// second confirmation wait, then find it done.
export async function commitImport(
  db: Db,
  params: {
    userId: string;
    importId: string;
    circleIds: string[];
    newCircle?: string;
    keepInTouch?: KeepInTouch;
    now?: Date;
  },
): Promise<CommitResult> {
  const { userId, importId } = params;
  const now = params.now ?? new Date();
  const keepInTouch = params.keepInTouch ?? DEFAULT_KEEP_IN_TOUCH;
  return db.transaction(async (tx) => {
    // The choice is stored with the import, and what follows reads it back.
    const [job] = await tx
      .update(imports)
      .set({ status: "committing", ...keepInTouch })
      .where(and(eq(imports.id, importId), eq(imports.userId, userId), eq(imports.status, "ready")))
      .returning({
        counts: imports.counts,
        tier: imports.contactTier,
        cadenceDays: imports.cadenceDays,
        remindersEnabled: imports.remindersEnabled,
      });
    if (!job) {
      const found = await getImport(tx, { userId, importId });
      return { ok: false, reason: found ? "not_ready" : "not_found" };
    }
    const ofImport = sql`r.import_id = ${importId}`;
    const text = (path: string) => sql.raw(`nullif(r.contact->>'${path}', '')`);
    const birthday = (part: string) => sql.raw(`(r.contact->'birthday'->>'${part}')::smallint`);

    // New contacts start untouched: their schedule and stored health are
    // what refreshContactSchedule would write, computed once for all of
    // them (updating 10,000 fresh rows afterwards cost seconds). With
    // reminders, the k-th of n is first due its share of the cadence after
    // now (lib/domain/first-due.ts), in file order.
    const [person] = await tx
      .select({ timeZone: users.timeZone, cadenceDays: users.defaultCadenceDays })
      .from(users)
      .where(eq(users.id, userId));
    const tier = job.tier ?? "regular";
    const cadenceDays = job.cadenceDays ?? TIER_CADENCE_DAYS[tier] ?? person?.cadenceDays ?? 30;
    const reminders = job.remindersEnabled ?? true;
    const health = contactHealth({ cadenceDays, createdAt: now, touches: [], now });
    const at = sql`${now.toISOString()}::timestamptz`;
    const scale = sql.raw(String(FIRST_DUE_SHARE_SCALE));
    const share = sql`case when ${reminders}::boolean then
      (row_number() over (order by r.row) * ${scale} / count(*) over ())::int end`;
    await tx.execute(sql`
      insert into ${contacts} (id, user_id, name, company, role, location, notes,
        birthday_month, birthday_day, birthday_year, connected_on, extra, tier, cadence_days,
        reminders_enabled, first_due_share, created_at, updated_at, next_due_at, health_score, health_band, health_as_of)
      select s.id, ${userId}::uuid, s.name, s.company, s.role, s.location, s.notes, s.birthday_month, s.birthday_day,
        s.birthday_year, s.connected_on, s.extra, ${tier}::contact_tier, ${job.cadenceDays}::int, ${reminders}::boolean,
        s.share, ${at}, ${at},
        ${at} + make_interval(days => ((s.share::bigint * ${cadenceDays} + ${scale} - 1) / ${scale})::int),
        ${health.score}, ${health.band}, ${at}
      from (
        select r.new_contact_id as id, r.contact->>'name' as name, ${text("company")} as company,
          ${text("role")} as role, ${text("location")} as location, ${text("notes")} as notes,
          ${birthday("month")} as birthday_month, ${birthday("day")} as birthday_day,
          ${birthday("year")} as birthday_year, (r.contact->>'connectedOn')::date as connected_on,
          coalesce(r.contact->'extra', '{}'::jsonb) as extra, ${share} as share
        from ${importRows} r where ${ofImport} and r.action = 'create'
      ) s`);
    const created = sql`select r.new_contact_id as contact_id, r.contact->'emails' as emails,
      r.contact->'phones' as phones, r.contact->'links' as links
      from ${importRows} r where ${ofImport} and r.action = 'create'`;
    // Merged rows add only what the contact lacked (r.changes).
    const merged = sql`select r.match_contact_id as contact_id, r.changes->'emails'->'to' as emails,
      r.changes->'phones'->'to' as phones, r.changes->'links'->'to' as links
      from ${importRows} r join ${contacts} c on c.id = r.match_contact_id and c.user_id = ${userId}
      where ${ofImport} and r.action = 'merge'`;
    // The plan gave each email to one person, the one who had it already
    // where anyone did; an email some other save gave a contact since the
    // file was planned stays with that contact (contact_emails_user_email_key).
    for (const source of [created, merged]) {
      await tx.execute(sql`
        insert into ${contactEmails} (user_id, contact_id, email, label, is_primary)
        select ${userId}::uuid, s.contact_id, e.value->>'value', e.value->>'label',
          e.ord = 1 and not exists (select 1 from ${contactEmails} x where x.contact_id = s.contact_id and x.is_primary)
        from (${source}) s cross join lateral jsonb_array_elements(coalesce(s.emails, '[]')) with ordinality e(value, ord)
        on conflict do nothing`);
      await tx.execute(sql`
        insert into ${contactPhones} (user_id, contact_id, phone, label)
        select ${userId}::uuid, s.contact_id, p.value->>'value', p.value->>'label'
        from (${source}) s cross join lateral jsonb_array_elements(coalesce(s.phones, '[]')) p(value)`);
      await tx.execute(sql`
        insert into ${contactLinks} (user_id, contact_id, url, label)
        select ${userId}::uuid, s.contact_id, l.value->>'value', l.value->>'label'
        from (${source}) s cross join lateral jsonb_array_elements(coalesce(s.links, '[]')) l(value)`);
    }

    // Merges, one statement for all: a contact several rows merge into ends
    // as applying them in file order would leave it (the planner wrote each
    // row's text changes from the ones before). One UPDATE per row of a
    // round took a statement per row when thousands merged into one contact.
    const lastOf = (field: string) =>
      sql.raw(`(array_agg(m.changes->'${field}'->>'to' order by m.row desc) filter (where m.changes ? '${field}'))[1]`);
    const keep = (field: string, column: SQL) => sql`case when a.${sql.raw(`has_${field}`)} then a.${sql.raw(field)} else ${column} end`;
    await tx
      .update(contacts)
      .set({
        company: keep("company", sql`${contacts.company}`),
        role: keep("role", sql`${contacts.role}`),
        location: keep("location", sql`${contacts.location}`),
        notes: keep("notes", sql`${contacts.notes}`),
        birthdayMonth: sql`coalesce(${contacts.birthdayMonth}, a.birthday_month)`,
        birthdayDay: sql`coalesce(${contacts.birthdayDay}, a.birthday_day)`,
        birthdayYear: sql`case when ${contacts.birthdayMonth} is null then a.birthday_year else ${contacts.birthdayYear} end`,
        connectedOn: sql`coalesce(${contacts.connectedOn}, a.connected_on)`,
        extra: sql`${contacts.extra} || coalesce(a.extra, '{}'::jsonb)`,
        updatedAt: now,
      })
      .from(
        sql`(select m.match_contact_id as id,
            bool_or(m.changes ? 'company') as has_company, ${lastOf("company")} as company,
            bool_or(m.changes ? 'role') as has_role, ${lastOf("role")} as role,
            bool_or(m.changes ? 'location') as has_location, ${lastOf("location")} as location,
            bool_or(m.changes ? 'notes') as has_notes, ${lastOf("notes")} as notes,
            (array_agg(m.changes->'birthday'->'to' order by m.row) filter (where m.changes ? 'birthday'))[1] as birthday,
            (array_agg((m.changes->'connectedOn'->>'to')::date order by m.row) filter (where m.changes ? 'connectedOn'))[1]
              as connected_on,
            x.extra
          from ${importRows} m
          left join (
            select e.contact_id, jsonb_object_agg(e.key, e.value order by e.row) as extra
            from (select r.match_contact_id as contact_id, r.row, kv.key, kv.value from ${importRows} r
              cross join lateral jsonb_each(r.changes->'extra'->'to') kv
              where ${ofImport} and r.action = 'merge' and r.match_contact_id is not null) e
            group by e.contact_id
          ) x on x.contact_id = m.match_contact_id
          where m.import_id = ${importId} and m.action = 'merge' and m.match_contact_id is not null
          group by m.match_contact_id, x.extra) a0
          cross join lateral (select a0.*, (a0.birthday->>'month')::smallint as birthday_month,
            (a0.birthday->>'day')::smallint as birthday_day, (a0.birthday->>'year')::smallint as birthday_year) a`,
      )
      .where(and(eq(contacts.userId, userId), sql`${contacts.id} = a.id`));

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
