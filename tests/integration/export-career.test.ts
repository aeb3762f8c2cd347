import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KithExport, kithExportSchema } from "@/lib/validations/kith-export";
import { exportText, seedRichUser } from "../helpers/export-seed";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The career plan in the JSON export: what seedCareer wrote, referenced by
// the file's own ids, and nothing of anyone else's plan.

let t: TestDb;
const NOW = new Date("2026-11-20T10:00:00Z");
let rich: Awaited<ReturnType<typeof seedRichUser>>;
let other: Awaited<ReturnType<typeof seedRichUser>>;
let doc: KithExport;
let text: string;

beforeAll(async () => {
  t = await createTestDb();
  rich = await seedRichUser(t.db, NOW);
  // Another user with the same shapes: their goals, stones and items must not appear.
  other = await seedRichUser(t.db, NOW);
  text = await exportText(t.db, { userId: rich.user.id, format: "kith.json", now: NOW });
  doc = JSON.parse(text) as KithExport;
});
afterAll(async () => {
  await t?.close();
});

describe("the export's career section", () => {
  it("is a valid export (version 4) with the contact added to Reconnect", () => {
    expect(kithExportSchema.safeParse(doc).success).toBe(true);
    expect(doc.version).toBe(4);
    const reconnect = doc.contacts.filter((contact) => contact.reconnectRequestedAt !== null);
    expect(reconnect.map((contact) => contact.id)).toEqual([rich.contacts.ada.id]);
  });

  it("holds each goal with its stepping stones in the path's order, their history and links by the file's ids", () => {
    const skillName = new Map(doc.skills.map((skill) => [skill.id, skill.name]));
    expect(doc.career.goals.map((goal) => goal.title).sort()).toEqual(["Lead a platform group at a climate company", "Write a book"]);
    const north = doc.career.goals.find((goal) => goal.id === rich.career.north.id);
    expect(north).toMatchObject({ isNorthStar: true, status: "active", why: "Work that matters,\nwith people I like" });
    const { reached, learn, dropped } = rich.career.stones;
    expect(north?.stones.map((stone) => stone.id)).toEqual([reached.id, learn.id, dropped.id]);
    const [first, second, third] = north?.stones ?? [];
    expect(first).toMatchObject({
      kind: "role",
      status: "done",
      completedOn: reached.completedOn,
      roleId: rich.journal.roles.current.id,
      winIds: [rich.journal.launch.id],
      eventIds: [rich.contacts.ada.metAtEventId],
    });
    expect(first?.skillIds.map((id) => skillName.get(id))).toEqual(["Mentoring", "TypeScript"]);
    const byContact = (a: { contactId: string }, b: { contactId: string }) => a.contactId.localeCompare(b.contactId);
    expect(first?.people).toEqual(
      [
        { contactId: rich.contacts.ada.id, part: "could_introduce", note: "to people at Watershed" },
        { contactId: rich.contacts.ben.id, part: "has_done_it", note: null },
      ].sort(byContact),
    );
    // Oldest first: the created change, then the plan as it changed.
    expect(first?.history.map((entry) => entry.change)).toEqual(["created", "redated", expect.any(String), expect.any(String), "status"]);
    expect(first?.history.at(-1)).toMatchObject({ from: "in_progress", to: "done" });
    expect(second?.skillIds.map((id) => skillName.get(id))).toEqual(["Rust"]);
    expect(third?.history.map((entry) => [entry.change, entry.from, entry.to])).toEqual([
      ["created", null, null],
      ["moved", "1", "2"],
      ["status", "planned", "dropped"],
    ]);
    expect(doc.career.goals.find((goal) => goal.title === "Write a book")).toMatchObject({ status: "let_go", stones: [] });
  });

  it("holds the levels over time and teachers of the skills that have them, and the learning log", () => {
    const skillName = new Map(doc.skills.map((skill) => [skill.id, skill.name]));
    const progress: Record<string, KithExport["career"]["skills"][number]> = Object.fromEntries(
      doc.career.skills.map((entry) => [skillName.get(entry.skillId) ?? entry.skillId, entry]),
    );
    expect(Object.keys(progress).sort()).toEqual(["Mentoring", "Rust", "TypeScript"]);
    expect(progress.TypeScript?.levels.map((level) => level.level)).toEqual([2, 3, 4]);
    expect(progress.TypeScript?.teacherIds).toEqual([]);
    expect(progress.Rust).toMatchObject({ levels: [{ level: 1 }], teacherIds: [rich.contacts.ada.id] });
    expect(progress.Mentoring).toMatchObject({ levels: [], teacherIds: [rich.contacts.ben.id] });

    const course = doc.career.learning.find((item) => item.id === rich.career.course.id);
    expect(course).toMatchObject({
      kind: "course",
      status: "done",
      hours: 12.5,
      mentorId: rich.contacts.ada.id,
      url: "https://learn.example/rust",
      notes: "Chapters 1–9",
    });
    expect(course?.skillIds.map((id) => skillName.get(id))).toEqual(["Rust"]);
    expect(doc.career.learning).toHaveLength(2);
  });

  it("holds nothing of another user's plan", () => {
    for (const id of [other.career.north.id, other.career.course.id, ...Object.values(other.career.stones).map((stone) => stone.id)]) {
      expect(text).not.toContain(id);
    }
    expect(text).not.toContain(other.user.id);
    expect(text).not.toContain(other.tag);
  });

  it("is the same document read one record a page", async () => {
    expect(await exportText(t.db, { userId: rich.user.id, format: "kith.json", now: NOW, pageSize: 1 })).toBe(text);
  });
});
