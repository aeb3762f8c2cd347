import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages, users, verificationTokens } from "@/db/schema";

export async function getAccountEmail(db: Db, params: { userId: string }): Promise<string | undefined> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, params.userId));
  return row?.email;
}

// Deletes the user and, by cascade, everything that has their user_id:
// contacts and all that hangs off them, touches, events, successes, digest
// deliveries, sessions (which signs them out everywhere) and accounts. Rows
// that know them only by email go too: sign-in links not yet used (one
// would create the account again) and mail kept in the outbox, which holds
// their contacts' names. Run it in a transaction.
export async function deleteUserAccount(tx: Db, params: { userId: string; email: string }): Promise<boolean> {
  const email = params.email.toLowerCase();
  await tx.delete(verificationTokens).where(eq(sql`lower(${verificationTokens.identifier})`, email));
  await tx.delete(outboxMessages).where(eq(sql`lower(${outboxMessages.to})`, email));
  const deleted = await tx.delete(users).where(eq(users.id, params.userId)).returning({ id: users.id });
  return deleted.length > 0;
}
