import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getEvent } from "@/db/queries/events";
import type { EventDetails } from "@/lib/domain/events";
import { currentUserId } from "@/lib/auth";
import { eventIdSchema } from "@/lib/validations/event";

// One lookup per request for the page and its metadata. A malformed id is
// refused before any SQL; another user's event is simply not found.
export const loadEvent = cache(async (id: string): Promise<{ userId: string; event: EventDetails } | undefined> => {
  const userId = await currentUserId();
  if (!userId || !eventIdSchema.safeParse(id).success) return undefined;
  const event = await getEvent(await getDb(), { userId, eventId: id });
  return event ? { userId, event } : undefined;
});
