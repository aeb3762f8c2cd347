import type { KithExport } from "@/lib/validations/kith-export";
import {
  exportContact,
  exportGoal,
  exportLearningItem,
  exportRole,
  exportSkill,
  exportSkillProgress,
  exportStone,
  exportWin,
} from "./export-records";

export const AT = "2026-11-12T09:30:00.000Z";

// A version 3 document with one of everything the career plan names: a
// north-star goal whose done step has history and every kind of link, a
// goal let go, a skill's levels and teacher, a done course.
export function careerDoc(): KithExport {
  return {
    format: "kith-export",
    version: 4,
    exportedAt: AT,
    settings: {
      name: null,
      timeZone: null,
      digestWeekday: 1,
      digestHour: 8,
      digestEnabled: true,
      journalPromptEnabled: true,
      defaultCadenceDays: 30,
    },
    circles: [],
    events: [{ id: "e1", name: "Climate summit", occurredOn: "2026-05-01", place: null, kind: "conference", notes: null, createdAt: AT }],
    contacts: [exportContact({ id: "c1", reconnectRequestedAt: AT }), exportContact({ id: "c2", name: "Ben" })],
    touches: [],
    successes: [],
    roles: [exportRole({ id: "r1" })],
    skills: [exportSkill({ id: "k1" }), exportSkill({ id: "k2", name: "Mentoring" })],
    wins: [exportWin({ id: "w1" })],
    career: {
      goals: [
        exportGoal({
          id: "g1",
          isNorthStar: true,
          stones: [
            exportStone({
              id: "s1",
              status: "done",
              completedOn: "2026-10-01",
              roleId: "r1",
              history: [
                { change: "created", from: null, to: "2026-06-30", changedAt: AT },
                { change: "redated", from: "2026-06-30", to: "2026-12-31", changedAt: AT },
                { change: "moved", from: "1", to: "0", changedAt: AT },
                { change: "status", from: "planned", to: "done", changedAt: AT },
              ],
              skillIds: ["k1", "k2"],
              people: [
                { contactId: "c1", part: "could_introduce", note: "to people at Watershed" },
                { contactId: "c2", part: "has_done_it", note: null },
              ],
              winIds: ["w1"],
              eventIds: ["e1"],
            }),
            exportStone({ id: "s2" }),
          ],
        }),
        exportGoal({ id: "g2", status: "let_go" }),
      ],
      skills: [
        exportSkillProgress({
          skillId: "k1",
          levels: [
            { level: 2, assessedOn: "2025-01-05", createdAt: AT },
            { level: 4, assessedOn: "2026-01-05", createdAt: AT },
          ],
          teacherIds: ["c2"],
        }),
      ],
      learning: [
        exportLearningItem({
          id: "l1",
          status: "done",
          startedOn: "2026-01-01",
          finishedOn: "2026-02-01",
          hours: 12.5,
          mentorId: "c2",
          skillIds: ["k1"],
        }),
      ],
    },
  };
}
