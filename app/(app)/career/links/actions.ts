"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import type { ActionResult } from "@/lib/actions/result";
import {
  addStoneEvent as addEventUseCase,
  addStonePeople as addPeopleUseCase,
  addStoneSkill as addSkillUseCase,
  addStoneWin as addWinUseCase,
  removeStoneEvent as removeEventUseCase,
  removeStonePerson as removePersonUseCase,
  removeStoneSkill as removeSkillUseCase,
  removeStoneWin as removeWinUseCase,
  searchEventLinkOptions,
  searchWinLinkOptions,
  updateStonePersonPart,
} from "@/lib/career/stone-links";
import {
  linkSearchSchema,
  type StoneEventRefInput,
  stoneEventRefSchema,
  type StonePeopleInput,
  stonePeopleInputSchema,
  type StonePersonRefInput,
  stonePersonRefSchema,
  type StonePersonUpdateInput,
  stonePersonUpdateSchema,
  type StoneSkillInput,
  stoneSkillInputSchema,
  type StoneSkillRefInput,
  stoneSkillRefSchema,
  type StoneWinRefInput,
  stoneWinRefSchema,
} from "@/lib/validations/stone-links";

const addPeople = authedAction(stonePeopleInputSchema, addPeopleUseCase);
const updatePerson = authedAction(stonePersonUpdateSchema, updateStonePersonPart);
const removePerson = authedAction(stonePersonRefSchema, removePersonUseCase);
const addSkill = authedAction(stoneSkillInputSchema, addSkillUseCase);
const removeSkill = authedAction(stoneSkillRefSchema, removeSkillUseCase);
const addWin = authedAction(stoneWinRefSchema, addWinUseCase);
const removeWin = authedAction(stoneWinRefSchema, removeWinUseCase);
const addEvent = authedAction(stoneEventRefSchema, addEventUseCase);
const removeEvent = authedAction(stoneEventRefSchema, removeEventUseCase);
const searchWins = authedAction(linkSearchSchema, searchWinLinkOptions);
const searchEvents = authedAction(linkSearchSchema, searchEventLinkOptions);

function revalidated<T>(result: ActionResult<T>): ActionResult<T> {
  // A step's links show on its goal, the Career page, the contact's page,
  // the dashboard and the skills pages.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function addStonePeople(input: StonePeopleInput) {
  return revalidated(await addPeople(input));
}

export async function updateStonePerson(input: StonePersonUpdateInput) {
  return revalidated(await updatePerson(input));
}

export async function removeStonePerson(input: StonePersonRefInput) {
  return revalidated(await removePerson(input));
}

export async function addStoneSkill(input: StoneSkillInput) {
  return revalidated(await addSkill(input));
}

export async function removeStoneSkill(input: StoneSkillRefInput) {
  return revalidated(await removeSkill(input));
}

export async function addStoneWin(input: StoneWinRefInput) {
  return revalidated(await addWin(input));
}

export async function removeStoneWin(input: StoneWinRefInput) {
  return revalidated(await removeWin(input));
}

export async function addStoneEvent(input: StoneEventRefInput) {
  return revalidated(await addEvent(input));
}

export async function removeStoneEvent(input: StoneEventRefInput) {
  return revalidated(await removeEvent(input));
}

export async function searchWinOptions(q: string) {
  return searchWins({ q });
}

export async function searchEventOptions(q: string) {
  return searchEvents({ q });
}
