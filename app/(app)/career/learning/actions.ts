"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  addLearning as addLearningUseCase,
  deleteLearning as deleteLearningUseCase,
  updateLearning as updateLearningUseCase,
} from "@/lib/career/learning";
import {
  type LearningInput,
  learningIdSchema,
  learningInputSchema,
  type LearningUpdateInput,
  learningUpdateSchema,
} from "@/lib/validations/learning";

const add = authedAction(learningInputSchema, addLearningUseCase);
const update = authedAction(learningUpdateSchema, updateLearningUseCase);
const remove = authedAction(learningIdSchema, deleteLearningUseCase);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // The log, the Career page's quarter and the skills' hours all read it.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addLearning(input: LearningInput) {
  return revalidated(await add(input));
}

export async function updateLearning(input: LearningUpdateInput) {
  return revalidated(await update(input));
}

export async function deleteLearning(id: string) {
  return revalidated(await remove({ id }));
}
