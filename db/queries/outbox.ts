import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";

// The outbox is a development tool with no owner: every message is local mail
// that no provider delivered, shown only where lib/env allows it.
export async function listOutboxMessages(db: Db, params: { limit: number }) {
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.to,
      subject: outboxMessages.subject,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(params.limit);
}

export async function getOutboxMessage(db: Db, params: { id: string }) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, params.id));
  return row;
}
