import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertStatements } from "@/db/queries/bulk-insert";
import { refreshContactSchedule } from "@/db/queries/schedule";
import { insertSuccess, markSuccessCongratulated } from "@/db/queries/successes";
import { insertTouch, type NewTouch } from "@/db/queries/touches-write";
import { contactCircles, contactEmails, contactLinks, contactPhones, contacts, skills } from "@/db/schema";
import { exportFile, type ExportFormat } from "@/lib/export/export-files";
import { createCircle, createContact, createEvent, createRole, createUser, createWin } from "../factories";
import { seedCareer } from "./export-seed-career";

const DAY = 86_400_000;

// A user with some of everything an export writes: settings, circles (one
// empty), events, contacts with every kind of detail (a birthday without a
// year, fields an import kept in extra, a formula-looking name), snoozed and
// archived ones, one with no reminders and one due early in an import's
// spread, touches that added value, and successes, one congratulated;
// and a job journal: a past and a current role, skills (one no win uses),
// and wins with people in several parts, skills, a metric and the STAR
// fields, one in no role; the journal prompt turned off; and a career plan
// (seedCareer).
export async function seedRichUser(db: Db, now: Date) {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const tag = randomUUID().slice(0, 6);
  const user = await createUser(db, {
    name: `Rich ${tag}`,
    timeZone: "Europe/Berlin",
    digestWeekday: 5,
    digestHour: 7,
    digestEnabled: false,
    journalPromptEnabled: false,
    defaultCadenceDays: 21,
  });
  const userId = user.id;
  const alumni = await createCircle(db, { userId, name: `Alumni ${tag}`, createdAt: at(300) });
  const climbing = await createCircle(db, { userId, name: `Climbing ${tag}`, createdAt: at(200) });
  await createCircle(db, { userId, name: `Empty ${tag}`, createdAt: at(100) });
  const summit = await createEvent(db, {
    userId,
    name: `Summit ${tag}`,
    occurredOn: day(120),
    place: "Lisbon",
    kind: "conference",
    notes: "Hall B",
    createdAt: at(119),
  });
  const meetup = await createEvent(db, { userId, name: `Meetup ${tag}`, occurredOn: day(40), kind: "meetup", createdAt: at(40) });

  const ada = await createContact(db, {
    userId,
    name: `Ada Lovelace ${tag}`,
    company: "Analytical Engines, Ltd.",
    role: "Mathematician",
    location: "London",
    notes: "Likes \"engines\",\nand poetry; ask about Byron",
    birthdayMonth: 12,
    birthdayDay: 10,
    birthdayYear: null,
    tier: "inner",
    metAtEventId: summit.id,
    connectedOn: day(119),
    extra: {
      vcard: ["X-SOCIALPROFILE;TYPE=mastodon:https://mastodon.social/@ada", "item7.X-ABDATE:2001-01-01", "item7.X-ABLabel:Anniversary"],
      Source: "Google",
      "Nick Names": ["Countess", "Enchantress"],
    },
    createdAt: at(119),
    updatedAt: at(30),
  });
  await db.insert(contactEmails).values([
    { userId, contactId: ada.id, email: `ada-${tag}@engines.example`, label: "work", isPrimary: true },
    { userId, contactId: ada.id, email: `ada-${tag}@home.example`, label: "Privat", isPrimary: false },
  ]);
  await db.insert(contactPhones).values([
    { userId, contactId: ada.id, phone: "+44 20 7946 0001", label: "mobile" },
    { userId, contactId: ada.id, phone: "020 7946 0002", label: null },
  ]);
  await db.insert(contactLinks).values([
    { userId, contactId: ada.id, url: `https://www.linkedin.com/in/ada-${tag}`, label: "LinkedIn" },
    { userId, contactId: ada.id, url: "https://ada.example/", label: null },
  ]);
  const ben = await createContact(db, {
    userId,
    name: `Ben Okafor ${tag}`,
    company: "Okafor & Sons",
    birthdayMonth: 2,
    birthdayDay: 29,
    birthdayYear: 1988,
    tier: "distant",
    cadenceDays: 45,
    snoozedUntil: day(-10),
    metAtEventId: meetup.id,
    createdAt: at(90),
    updatedAt: at(90),
  });
  await db.insert(contactEmails).values([{ userId, contactId: ben.id, email: `ben-${tag}@okafor.example`, label: null, isPrimary: true }]);
  const cy = await createContact(db, { userId, name: `Cy Archived ${tag}`, archivedAt: at(10), createdAt: at(365), updatedAt: at(10) });
  // Dee came with an import that spread its first due dates; the formula, with one that chose no reminders.
  const dee = await createContact(db, {
    userId,
    name: `Dee Never Touched ${tag}`,
    firstDueShare: 400_000_000,
    createdAt: at(50),
    updatedAt: at(50),
  });
  const formula = await createContact(db, {
    userId,
    name: `=HYPERLINK("https://evil.example","${tag}")`,
    remindersEnabled: false,
    createdAt: at(5),
    updatedAt: at(5),
  });
  await db.insert(contactCircles).values([
    { userId, contactId: ada.id, circleId: alumni.id },
    { userId, contactId: ada.id, circleId: climbing.id },
    { userId, contactId: ben.id, circleId: climbing.id },
    { userId, contactId: cy.id, circleId: alumni.id },
  ]);
  await refreshContactSchedule(db, { userId });

  const touch = (values: NewTouch) => db.transaction((tx) => insertTouch(tx, { userId, touch: values }));
  await touch({
    occurredAt: at(119),
    channel: "meeting",
    summary: "Met at the summit",
    valueKind: "advice",
    valueDirection: "given",
    eventId: summit.id,
    contactIds: [ada.id, ben.id],
  });
  const congratulation = await touch({
    occurredAt: at(20),
    channel: "message",
    summary: "Congrats on the new role!",
    valueKind: "congratulation",
    valueDirection: "given",
    contactIds: [ada.id],
  });
  await touch({ occurredAt: at(60), channel: "call", summary: null, contactIds: [cy.id] });
  await touch({ occurredAt: at(3), channel: "email", summary: "Intro to a recruiter", valueKind: "referral", valueDirection: "received", contactIds: [ben.id] });

  const newJob = await db.transaction((tx) =>
    insertSuccess(tx, { userId, contactId: ada.id, success: { kind: "new_job", title: "Head of Engines", occurredOn: day(21), url: "https://news.example/ada" } }),
  );
  if (!newJob || !congratulation) throw new Error("seedRichUser: a touch or success was not written");
  await db.transaction((tx) => markSuccessCongratulated(tx, { userId, successId: newJob.id, touchId: congratulation.id }));
  await db.transaction((tx) =>
    insertSuccess(tx, { userId, contactId: ben.id, success: { kind: "promotion", title: "Partner", occurredOn: day(2), url: null } }),
  );
  const journal = await seedJournal(db, { userId, now, people: [ada, ben] });
  const career = await seedCareer(db, {
    userId,
    now,
    people: { ada, ben },
    roleId: journal.roles.current.id,
    winId: journal.launch.id,
    eventId: summit.id,
  });
  return { user, contacts: { ada, ben, cy, dee, formula }, journal, career, tag };
}

// A job journal for a user whose contacts are `people` (the first two take
// part, the first in two parts): a past and a current role, wins with
// people, skills, a metric and the STAR fields, one in no role, and a skill
// no win uses.
export async function seedJournal(db: Db, params: { userId: string; now: Date; people: { id: string }[] }) {
  const { userId, now, people } = params;
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const [first, second] = people;
  const past = await createRole(db, {
    userId,
    company: "Difference Engines",
    title: "Engineer",
    location: "London",
    description: "Built the first engine.\nThen the second.",
    startedOn: day(2000),
    endedOn: day(400),
    createdAt: at(500),
    updatedAt: at(400),
  });
  const current = await createRole(db, {
    userId,
    company: "Analytical Engines, Ltd.",
    title: "Staff Engineer",
    startedOn: day(399),
    createdAt: at(399),
    updatedAt: at(399),
  });
  const launch = await createWin(db, {
    userId,
    roleId: current.id,
    occurredOn: day(15),
    kind: "led",
    title: "Shipped the new billing flow",
    what: "Led the rewrite, with Ada's review",
    result: "Build time fell by a third",
    metricValue: 33.5,
    metricUnit: "% build time",
    url: "https://engines.example/launch",
    situation: "Billing broke every month",
    task: "Make it boring",
    createdAt: at(15),
    updatedAt: at(14),
    // The first played two parts.
    people: [
      ...(first ? [{ contactId: first.id, part: "helped_me" as const }, { contactId: first.id, part: "can_vouch" as const }] : []),
      ...(second ? [{ contactId: second.id, part: "worked_with" as const }] : []),
    ],
    skills: ["TypeScript", "Mentoring"],
  });
  await createWin(db, {
    userId,
    roleId: past.id,
    occurredOn: day(600),
    kind: "learned",
    title: "Learned the difference engine",
    metricValue: 3,
    createdAt: at(600),
    updatedAt: at(600),
    people: second ? [{ contactId: second.id, part: "i_helped" }] : [],
    skills: ["Mentoring"],
  });
  // Between jobs, with nothing but a title.
  await createWin(db, { userId, roleId: null, occurredOn: day(398), kind: "volunteered", title: "Taught a workshop", createdAt: at(398), updatedAt: at(398) });
  await db.insert(skills).values({ userId, name: "Rust", createdAt: at(30) });
  return { roles: { past, current }, launch };
}

// A user with `count` contacts (each with one email, every third in a
// circle), written a few statements at a time.
export async function seedManyContacts(db: Db, count: number) {
  const user = await createUser(db);
  const userId = user.id;
  const circle = await createCircle(db, { userId });
  const rows = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    userId,
    name: `Person ${String(index).padStart(5, "0")}`,
    tier: "regular" as const,
    extra: {},
  }));
  for (const statement of insertStatements(contacts, rows)) await db.execute(statement);
  for (const statement of insertStatements(
    contactEmails,
    rows.map((row, index) => ({ userId, contactId: row.id, email: `person-${index}@many.example`, label: null, isPrimary: true })),
  )) {
    await db.execute(statement);
  }
  const members = rows.filter((_, index) => index % 3 === 0).map((row) => ({ userId, contactId: row.id, circleId: circle.id }));
  for (const statement of insertStatements(contactCircles, members)) await db.execute(statement);
  await refreshContactSchedule(db, { userId });
  return { user, ids: rows.map((row) => row.id), circle };
}

export async function readText(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

export async function exportText(db: Db, params: { userId: string; format: ExportFormat; now: Date; pageSize?: number }) {
  const file = await exportFile(db, params);
  if (!file) throw new Error("exportText: no such user");
  return readText(file.chunks);
}
