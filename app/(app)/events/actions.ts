"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { idempotent } from "@/lib/actions/idempotent";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/manage-events";
import { previewQuickAdd, quickAddPeople } from "@/lib/events/quick-add";
import {
  type DeleteEventInput,
  deleteEventInputSchema,
  type EventInput,
  eventInputSchema,
  type UpdateEventInput,
  updateEventInputSchema,
} from "@/lib/validations/event";
import {
  type QuickAddInput,
  quickAddInputSchema,
  type QuickAddPreviewInput,
  quickAddPreviewInputSchema,
} from "@/lib/validations/quick-add";

const create = authedAction(eventInputSchema, createEvent);
const update = authedAction(updateEventInputSchema, updateEvent);
const remove = authedAction(deleteEventInputSchema, deleteEvent);
const preview = authedAction(quickAddPreviewInputSchema, previewQuickAdd);
const quickAdd = authedAction(quickAddInputSchema, idempotent("quick-add", quickAddPeople));

export async function createEventAction(input: EventInput) {
  const result = await create(input);
  if (result.ok) revalidatePath("/events");
  return result;
}

export async function updateEventAction(input: UpdateEventInput) {
  const result = await update(input);
  if (result.ok) {
    revalidatePath("/events");
    revalidatePath(`/events/${result.data.id}`);
  }
  return result;
}

export async function deleteEventAction(input: DeleteEventInput) {
  const result = await remove(input);
  // Contacts and touches lose their link to the event.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function previewQuickAddAction(input: QuickAddPreviewInput) {
  return preview(input);
}

export async function quickAddPeopleAction(input: QuickAddInput) {
  const result = await quickAdd(input);
  // New contacts, circles and due dates show on every signed-in page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
