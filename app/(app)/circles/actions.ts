"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { createCircle, deleteCircle, renameCircle } from "@/lib/circles/manage-circles";
import {
  type CreateCircleInput,
  createCircleSchema,
  type DeleteCircleInput,
  deleteCircleSchema,
  type RenameCircleInput,
  renameCircleSchema,
} from "@/lib/validations/circle";

const create = authedAction(createCircleSchema, createCircle);
const rename = authedAction(renameCircleSchema, renameCircle);
const remove = authedAction(deleteCircleSchema, deleteCircle);

// Circle names appear on the circles page, in contact lists and filters,
// and on contact pages.
function refreshPages() {
  revalidatePath("/", "layout");
}

export async function createCircleAction(input: CreateCircleInput) {
  const result = await create(input);
  if (result.ok) refreshPages();
  return result;
}

export async function renameCircleAction(input: RenameCircleInput) {
  const result = await rename(input);
  if (result.ok) refreshPages();
  return result;
}

export async function deleteCircleAction(input: DeleteCircleInput) {
  const result = await remove(input);
  if (result.ok) refreshPages();
  return result;
}
