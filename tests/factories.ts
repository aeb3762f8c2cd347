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
