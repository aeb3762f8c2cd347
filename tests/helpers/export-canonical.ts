import type { KithExport } from "@/lib/validations/kith-export";

// The document with every id replaced by its record's place in a canonical
// order (records sorted by their content, references replaced first), and
// what differs between two accounts by nature (when, whose) left out.
export function canonical(doc: KithExport) {
  const names = new Map<string, string>();
  const withoutId = (record: { id: string }) => JSON.stringify({ ...record, id: undefined });
  const rename = <T extends { id: string }>(kind: string, records: T[]): T[] => {
    const sorted = [...records].sort((a, b) => withoutId(a).localeCompare(withoutId(b)));
    sorted.forEach((record, index) => names.set(record.id, `${kind}#${index}`));
    return sorted.map((record) => ({ ...record, id: names.get(record.id) ?? "?" }));
  };
  const ref = (id: string | null) => (id === null ? null : (names.get(id) ?? `unknown:${id}`));

  const circleList = rename("circle", doc.circles);
  const eventList = rename("event", doc.events);
  const contactList = rename(
    "contact",
    doc.contacts.map((contact) => ({
      ...contact,
      metAtEventId: ref(contact.metAtEventId),
      circles: contact.circles.map((circle) => ({ ...circle, id: ref(circle.id) ?? "" })),
    })),
  );
  const touchList = rename(
    "touch",
    doc.touches.map((touch) => ({ ...touch, eventId: ref(touch.eventId), contactIds: touch.contactIds.map((id) => ref(id) ?? "").sort() })),
  );
  const successList = rename(
    "success",
    doc.successes.map((success) => ({
      ...success,
      contactId: ref(success.contactId) ?? "",
      congratulatedByTouchId: ref(success.congratulatedByTouchId),
    })),
  );
  const roleList = rename("role", doc.roles);
  const skillList = rename("skill", doc.skills);
  const winList = rename(
    "win",
    doc.wins.map((win) => ({
      ...win,
      roleId: ref(win.roleId),
      people: win.people
        .map((person) => ({ ...person, contactId: ref(person.contactId) ?? "" }))
        .sort((a, b) => `${a.contactId} ${a.part}`.localeCompare(`${b.contactId} ${b.part}`)),
      skillIds: win.skillIds.map((id) => ref(id) ?? "").sort(),
    })),
  );
  const sortedRefs = (ids: string[]) => ids.map((id) => ref(id) ?? "").sort();
  // A stone's place in its goal's path is its order, so stones keep theirs;
  // nothing refers to a stone, so its id is left out.
  const goalList = rename(
    "goal",
    doc.career.goals.map((goal) => ({
      ...goal,
      stones: goal.stones.map((stone) => ({
        ...stone,
        id: "stone",
        roleId: ref(stone.roleId),
        skillIds: sortedRefs(stone.skillIds),
        people: stone.people
          .map((person) => ({ ...person, contactId: ref(person.contactId) ?? "" }))
          .sort((a, b) => a.contactId.localeCompare(b.contactId)),
        winIds: sortedRefs(stone.winIds),
        eventIds: sortedRefs(stone.eventIds),
      })),
    })),
  );
  const skillProgress = doc.career.skills
    .map((progress) => ({ ...progress, skillId: ref(progress.skillId) ?? "", teacherIds: sortedRefs(progress.teacherIds) }))
    .sort((a, b) => a.skillId.localeCompare(b.skillId));
  const learningList = rename(
    "learning",
    doc.career.learning.map((item) => ({ ...item, mentorId: ref(item.mentorId), skillIds: sortedRefs(item.skillIds) })),
  );
  return {
    format: doc.format,
    version: doc.version,
    settings: doc.settings,
    circles: circleList,
    events: eventList,
    contacts: contactList,
    touches: touchList,
    successes: successList,
    roles: roleList,
    skills: skillList,
    wins: winList,
    career: { goals: goalList, skills: skillProgress, learning: learningList },
  };
}
