import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { contacts, type NewContact, type NewUser, users } from "@/db/schema";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

export async function createUser(db: Db, values: Partial<NewUser> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail(), name: "Test User", ...values })
    .returning();
  if (!user) throw new Error("createUser inserted nothing");
  return user;
}

export async function createContact(db: Db, values: Partial<NewContact> & { userId: string }) {
  const [contact] = await db
    .insert(contacts)
    .values({ name: `Contact ${randomUUID().slice(0, 8)}`, ...values })
    .returning();
  if (!contact) throw new Error("createContact inserted nothing");
  return contact;
}

// Appended (not merged into the imports above) while several people add factories at once.
import { events, type NewEvent } from "@/db/schema";

export async function createEvent(db: Db, values: Partial<NewEvent> & { userId: string }) {
  const [event] = await db
    .insert(events)
    .values({ name: `Event ${randomUUID().slice(0, 8)}`, occurredOn: "2026-11-12", kind: "meetup", ...values })
    .returning();
  if (!event) throw new Error("createEvent inserted nothing");
  return event;
}

import { circles, type NewCircle } from "@/db/schema";

export async function createCircle(db: Db, values: Partial<NewCircle> & { userId: string }) {
  const [circle] = await db
    .insert(circles)
    .values({ name: `Circle ${randomUUID().slice(0, 8)}`, ...values })
    .returning();
  if (!circle) throw new Error("createCircle inserted nothing");
  return circle;
}
