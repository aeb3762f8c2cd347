import { listJournal } from "@/db/queries/journal";
import {
  type LinkOutcome,
  linkEvent,
  linkPeople,
  linkSkillByName,
  linkWin,
  searchEventOptions,
  unlinkEvent,
  unlinkPerson,
  unlinkSkill,
  unlinkWin,
  updateStonePerson,
} from "@/db/queries/stone-links";
import type { ActionContext } from "@/lib/actions/define-action";
import { type ActionResult, fail, ok } from "@/lib/actions/result";
import type { EventLinkOption, WinLinkOption } from "@/lib/domain/stone-links";
import type {
  LinkSearch,
  StoneEventRef,
  StonePeopleValues,
  StonePersonRef,
  StonePersonUpdate,
  StoneSkillRef,
  StoneSkillValues,
  StoneWinRef,
} from "@/lib/validations/stone-links";

// Linking the skills, people, wins and events that make a stepping stone
// real. Another user's stone, contact, win, event or skill is "not found",
// and nothing is written.

const STEP_NOT_FOUND = "Step not found.";
export const LINK_OPTIONS_LIMIT = 8;

function linked(
  outcome: LinkOutcome,
  stoneId: string,
  target: { field: string; message: string },
): ActionResult<{ stoneId: string }> {
  if (outcome === "stone-not-found") return fail(STEP_NOT_FOUND);
  if (outcome === "target-not-found") return fail(target.message, { [target.field]: [target.message] });
  return ok({ stoneId });
}

export async function addStonePeople(input: StonePeopleValues, ctx: ActionContext): Promise<ActionResult<{ stoneId: string }>> {
  const outcome = await linkPeople(ctx.db, { userId: ctx.userId, ...input });
  return linked(outcome, input.stoneId, { field: "contactIds", message: "Choose people from your contacts." });
}

export async function updateStonePersonPart(
  input: StonePersonUpdate,
  ctx: ActionContext,
): Promise<ActionResult<{ contactId: string }>> {
  const row = await updateStonePerson(ctx.db, { userId: ctx.userId, ...input });
  return row ? ok(row) : fail("That person is not linked to this step.");
}

export async function removeStonePerson(input: StonePersonRef, ctx: ActionContext): Promise<ActionResult<{ contactId: string }>> {
  const isRemoved = await unlinkPerson(ctx.db, { userId: ctx.userId, ...input });
  return isRemoved ? ok({ contactId: input.contactId }) : fail("That person is not linked to this step.");
}

// The skill is the user's of that name in any case, or a new one; created
// only when the step is theirs.
export async function addStoneSkill(input: StoneSkillValues, ctx: ActionContext): Promise<ActionResult<{ skillId: string }>> {
  const row = await ctx.db.transaction((tx) => linkSkillByName(tx, { userId: ctx.userId, ...input }));
  return row ? ok(row) : fail(STEP_NOT_FOUND);
}

export async function removeStoneSkill(input: StoneSkillRef, ctx: ActionContext): Promise<ActionResult<{ skillId: string }>> {
  const isRemoved = await unlinkSkill(ctx.db, { userId: ctx.userId, ...input });
  return isRemoved ? ok({ skillId: input.skillId }) : fail("That skill is not linked to this step.");
}

export async function addStoneWin(input: StoneWinRef, ctx: ActionContext): Promise<ActionResult<{ stoneId: string }>> {
  const outcome = await linkWin(ctx.db, { userId: ctx.userId, ...input });
  return linked(outcome, input.stoneId, { field: "winId", message: "Choose a win from your journal." });
}

export async function removeStoneWin(input: StoneWinRef, ctx: ActionContext): Promise<ActionResult<{ winId: string }>> {
  const isRemoved = await unlinkWin(ctx.db, { userId: ctx.userId, ...input });
  return isRemoved ? ok({ winId: input.winId }) : fail("That win is not evidence for this step.");
}

export async function addStoneEvent(input: StoneEventRef, ctx: ActionContext): Promise<ActionResult<{ stoneId: string }>> {
  const outcome = await linkEvent(ctx.db, { userId: ctx.userId, ...input });
  return linked(outcome, input.stoneId, { field: "eventId", message: "Choose one of your events." });
}

export async function removeStoneEvent(input: StoneEventRef, ctx: ActionContext): Promise<ActionResult<{ eventId: string }>> {
  const isRemoved = await unlinkEvent(ctx.db, { userId: ctx.userId, ...input });
  return isRemoved ? ok({ eventId: input.eventId }) : fail("That event is not linked to this step.");
}

// The evidence picker searches the journal as its search box does (words in
// a win's text or its skills' names), newest first.
export async function searchWinLinkOptions(input: LinkSearch, ctx: ActionContext): Promise<ActionResult<WinLinkOption[]>> {
  const page = await listJournal(ctx.db, { userId: ctx.userId, filters: { q: input.q }, limit: LINK_OPTIONS_LIMIT });
  return ok(page.wins.map(({ id, title, occurredOn }) => ({ id, title, occurredOn })));
}

export async function searchEventLinkOptions(input: LinkSearch, ctx: ActionContext): Promise<ActionResult<EventLinkOption[]>> {
  return ok(await searchEventOptions(ctx.db, { userId: ctx.userId, q: input.q, limit: LINK_OPTIONS_LIMIT }));
}
