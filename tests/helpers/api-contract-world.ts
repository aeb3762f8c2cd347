import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertSuccess } from "@/db/queries/successes";
import { insertTouch } from "@/db/queries/touches-write";
import { contactCircles } from "@/db/schema";
import {
  createCircle,
  createContact,
  createEvent,
  createGoal,
  createLearningItem,
  createRole,
  createSkill,
  createStone,
  createUser,
  createWin,
} from "../factories";

// The records a token's owner has, one list per kind, for the contract test
// to put where an operation takes an id: a valid request names the owner's
// own records of the right kind, a cross-user one another user's.

export const ID_KINDS = ["contact", "circle", "event", "touch", "success", "role", "win", "skill", "goal", "stone", "learning"] as const;
export type IdKind = (typeof ID_KINDS)[number];

export type World = {
  userId: string;
  email: string;
  ids: Record<IdKind, string[]>;
  kindOf: Map<string, IdKind>;
  /** Each success's contact: a touch congratulating a success must name its contact. */
  successContact: Map<string, string>;
  /** Ids, names and the address: none of another user's may show in an answer. */
  secrets: string[];
};

// The kind of id a field or a path segment holds, by its name.
const KIND_BY_NAME: Record<string, IdKind> = {
  contact: "contact",
  contacts: "contact",
  mentor: "contact",
  person: "contact",
  people: "contact",
  teacher: "contact",
  circle: "circle",
  circles: "circle",
  event: "event",
  events: "event",
  metatevent: "event",
  touch: "touch",
  touches: "touch",
  interaction: "touch",
  success: "success",
  successes: "success",
  role: "role",
  roles: "role",
  win: "win",
  wins: "win",
  skill: "skill",
  skills: "skill",
  goal: "goal",
  goals: "goal",
  stone: "stone",
  stones: "stone",
  learning: "learning",
  learningitem: "learning",
};

export function idKindOfName(name: string): IdKind | undefined {
  return KIND_BY_NAME[name.replace(/Ids?$/, "").replace(/_ids?$/, "").toLowerCase()];
}

// The kind of a path's {name} parameter: the segment before it ("/contacts/{id}" → contact).
export function idKindOfPathParameter(path: string, name: string): IdKind | undefined {
  const segments = path.split("/");
  const index = segments.indexOf(`{${name}}`);
  if (name !== "id") return idKindOfName(name);
  return index > 0 ? idKindOfName(segments[index - 1] ?? "") : undefined;
}

// A record made for one call (see freshRecord) is kept out of the lists
// requests draw from, which stay the seeded records with their relations.
function add(world: World, kind: IdKind, id: string, name?: string, isPooled = true) {
  if (isPooled) world.ids[kind].push(id);
  world.kindOf.set(id, kind);
  world.secrets.push(id);
  if (name) world.secrets.push(name);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/** One more record of a kind, for a write that uses one up (congratulating a success). */
export async function freshRecord(db: Db, world: World, kind: IdKind, isPooled = false): Promise<string> {
  const { userId } = world;
  const contactId = world.ids.contact[0];
  switch (kind) {
    case "contact": {
      const contact = await createContact(db, { userId });
      add(world, kind, contact.id, contact.name, isPooled);
      return contact.id;
    }
    case "success": {
      if (!contactId) throw new Error("freshRecord: no contact for a success");
      const title = `Their news ${randomUUID().slice(0, 8)}`;
      const row = await db.transaction((tx) =>
        insertSuccess(tx, { userId, contactId, success: { kind: "new_job", title, occurredOn: daysAgo(3), url: null } }),
      );
      if (!row) throw new Error("freshRecord: no success");
      add(world, kind, row.id, title, isPooled);
      world.successContact.set(row.id, contactId);
      return row.id;
    }
    case "event": {
      const event = await createEvent(db, { userId, occurredOn: daysAgo(10) });
      add(world, kind, event.id, event.name, isPooled);
      return event.id;
    }
    case "goal": {
      const goal = await createGoal(db, { userId });
      add(world, kind, goal.id, goal.title, isPooled);
      return goal.id;
    }
    default: {
      const id = world.ids[kind][0];
      if (!id) throw new Error(`freshRecord: no ${kind}`);
      return id;
    }
  }
}

// Some of everything: contacts in circles (one met at an event), touches,
// successes waiting, a role with a win naming people and a skill, a goal with
// a step, a learning item with a mentor.
export async function seedWorld(db: Db): Promise<World> {
  const user = await createUser(db, { timeZone: "Europe/London" });
  const world: World = {
    userId: user.id,
    email: user.email,
    ids: Object.fromEntries(ID_KINDS.map((kind) => [kind, []])) as unknown as Record<IdKind, string[]>,
    kindOf: new Map(),
    successContact: new Map(),
    secrets: [user.id, user.email],
  };
  const userId = user.id;
  for (let i = 0; i < 2; i++) {
    const circle = await createCircle(db, { userId });
    add(world, "circle", circle.id, circle.name);
    const event = await createEvent(db, { userId, occurredOn: daysAgo(20 + i) });
    add(world, "event", event.id, event.name);
  }
  for (let i = 0; i < 4; i++) {
    const since = new Date(Date.now() - (60 + i) * DAY_MS);
    const contact = await createContact(db, { userId, createdAt: since, nextDueAt: since, metAtEventId: i === 0 ? world.ids.event[0] : null });
    add(world, "contact", contact.id, contact.name);
    const circleId = world.ids.circle[i % 2];
    if (circleId) await db.insert(contactCircles).values({ userId, contactId: contact.id, circleId });
  }
  for (let i = 0; i < 4; i++) {
    const contactIds = [i, (i + 1) % 4].flatMap((index) => world.ids.contact[index] ?? []);
    const touch = await db.transaction((tx) =>
      insertTouch(tx, {
        userId,
        touch: { occurredAt: new Date(`${daysAgo(5 + i)}T12:00:00.000Z`), channel: "call", summary: `Seeded touch ${i}`, contactIds },
      }),
    );
    if (touch) add(world, "touch", touch.id);
  }
  for (let i = 0; i < 3; i++) await freshRecord(db, world, "success", true);
  const role = await createRole(db, { userId });
  add(world, "role", role.id, role.company);
  const skill = await createSkill(db, { userId });
  add(world, "skill", skill.id, skill.name);
  const [first, second] = world.ids.contact;
  const win = await createWin(db, {
    userId,
    roleId: role.id,
    skills: [skill.name],
    people: first && second ? [{ contactId: first, part: "helped_me" }, { contactId: second, part: "can_vouch" }] : [],
  });
  add(world, "win", win.id, win.title);
  const goal = await createGoal(db, { userId });
  add(world, "goal", goal.id, goal.title);
  const stone = await createStone(db, { userId, goalId: goal.id });
  add(world, "stone", stone.id, stone.title);
  const item = await createLearningItem(db, { userId, mentorId: first, hours: 2 });
  add(world, "learning", item.id, item.title);
  return world;
}
