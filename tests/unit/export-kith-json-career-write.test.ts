import { describe, expect, it } from "vitest";
import { type KithExportSource, writeKithExport } from "@/lib/export/kith-json";
import { parseKithExport } from "@/lib/validations/kith-export";
import { careerDoc as doc, AT } from "../helpers/export-career-doc";
import {
  exportContact,
  exportGoal,
  exportLearningItem,
  exportRole,
  exportSkill,
  exportSkillProgress,
  exportStone,
  exportWin,
} from "../helpers/export-records";

// A version 2 file (before the career plan) still restoring, and the
// writer's career section dropping what it did not write.

describe("a version 2 export, from before the career plan", () => {
  function version2(): Record<string, unknown> {
    const { career, contacts, ...rest } = doc();
    void career;
    return { ...rest, version: 2, contacts: contacts.map(({ reconnectRequestedAt, ...contact }) => (void reconnectRequestedAt, contact)) };
  }

  it("restores as an account with no career plan and nobody added to Reconnect", () => {
    const parsed = parseKithExport(version2());
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data).toMatchObject({ version: 4, career: { goals: [], skills: [], learning: [] } });
    expect(parsed.data.contacts.map((contact) => contact.reconnectRequestedAt)).toEqual([null, null]);
    expect(parsed.data.wins).toHaveLength(1);
  });

  it("ignores a career section or reconnect request it could not have held, and is refused as before when damaged", () => {
    const v2 = version2();
    const smuggled = {
      ...v2,
      career: { goals: "not read" },
      contacts: (v2.contacts as object[]).map((contact) => ({ ...contact, reconnectRequestedAt: "garbage" })),
    };
    const parsed = parseKithExport(smuggled);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.career).toEqual({ goals: [], skills: [], learning: [] });
    expect(parsed.data.contacts.map((contact) => contact.reconnectRequestedAt)).toEqual([null, null]);
    for (const contacts of [null, "x", [null], [1]]) {
      expect(parseKithExport({ ...version2(), contacts })).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^This export cannot be restored: contacts/),
      });
    }
  });
});

async function* pages<T>(...list: T[][]): AsyncGenerator<T[]> {
  yield* list;
}

describe("writeKithExport's career section", () => {
  async function write(source: Partial<KithExportSource>): Promise<string> {
    let text = "";
    for await (const chunk of writeKithExport({
      exportedAt: new Date(AT),
      account: { email: "me@example.com", createdAt: AT },
      settings: doc().settings,
      circles: [],
      events: [],
      contactPages: pages(),
      touchPages: pages(),
      successPages: pages(),
      roles: [],
      skills: [],
      winPages: pages(),
      goalPages: pages(),
      skillProgressPages: pages(),
      learningPages: pages(),
      ...source,
    })) {
      text += chunk;
    }
    return text;
  }

  it("comes last, and drops what was added after the records it names were written", async () => {
    const late = (what: string) => `late-${what}`;
    const text = await write({
      events: doc().events,
      contactPages: pages([exportContact({ id: "c1" })]),
      roles: [exportRole({ id: "r1" })],
      skills: [exportSkill({ id: "k1" })],
      winPages: pages([exportWin({ id: "w1" })]),
      goalPages: pages(
        [
          exportGoal({
            id: "g1",
            stones: [
              exportStone({
                id: "s1",
                roleId: late("role"),
                skillIds: ["k1", late("skill")],
                people: [
                  { contactId: "c1", part: "can_help", note: null },
                  { contactId: late("contact"), part: "has_done_it", note: null },
                ],
                winIds: ["w1", late("win")],
                eventIds: [late("event"), "e1"],
              }),
            ],
          }),
        ],
        [exportGoal({ id: "g2" })],
      ),
      skillProgressPages: pages([
        exportSkillProgress({ skillId: "k1", teacherIds: ["c1", late("contact")] }),
        exportSkillProgress({ skillId: late("skill") }),
        // A skill with no levels and no teachers is in the skills list already.
        exportSkillProgress({ skillId: "k1", levels: [], teacherIds: [late("contact")] }),
      ]),
      learningPages: pages([exportLearningItem({ id: "l1", mentorId: late("contact"), skillIds: [late("skill"), "k1"] })]),
    });
    expect(Object.keys(JSON.parse(text) as object).at(-1)).toBe("career");
    const parsed = parseKithExport(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.message);
    const { career } = parsed.data;
    expect(career.goals.map((g) => g.id)).toEqual(["g1", "g2"]);
    expect(career.goals[0]?.stones[0]).toMatchObject({
      roleId: null,
      skillIds: ["k1"],
      people: [{ contactId: "c1", part: "can_help", note: null }],
      winIds: ["w1"],
      eventIds: ["e1"],
    });
    expect(career.skills).toEqual([exportSkillProgress({ skillId: "k1", teacherIds: ["c1"] })]);
    expect(career.learning).toEqual([exportLearningItem({ id: "l1", mentorId: null, skillIds: ["k1"] })]);
    // One record a line, as the rest of the file.
    expect(text.split("\n").filter((line) => line.startsWith('{"id":"g'))).toHaveLength(2);
  });
});
