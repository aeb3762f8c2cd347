import { z } from "zod";
import { listGoalPaths, listStonePeople } from "@/db/queries/career-overview";
import { getGoal } from "@/db/queries/goals";
import { notFoundResult, ok } from "@/lib/actions/result";
import { createGoal as createGoalUseCase } from "@/lib/career/manage-goals";
import { GOAL_STATUSES, STONE_KINDS, STONE_PERSON_PARTS, STONE_STATUSES } from "@/lib/domain/enums";
import { GOAL_NOT_FOUND, goalInputSchema } from "@/lib/validations/goals";
import { type AnyApiOperation, defineOperation } from "../operation";

const TAG = "Career";

const stoneSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(STONE_KINDS),
  status: z.enum(STONE_STATUSES),
  targetOn: z.iso.date().nullable().describe("When you aim to reach it."),
  position: z.int().describe("Its place in the path, first step first."),
  evidence: z.int().min(0).describe("Journal wins linked to it as evidence."),
  people: z
    .array(z.object({ id: z.uuid(), name: z.string(), part: z.enum(STONE_PERSON_PARTS).describe("How they can help with this step.") }))
    .describe("The contacts who matter for this step, by name."),
});

export const goalSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  why: z.string().nullable().describe("Why it matters to you."),
  horizonOn: z.iso.date().nullable().describe("When you aim to get there."),
  status: z.enum(GOAL_STATUSES),
  isNorthStar: z.boolean().describe("The one goal that leads the others."),
  stones: z.array(stoneSchema).describe("Its stepping stones, in the path's order."),
});

export const listGoals = defineOperation({
  operationId: "listGoals",
  method: "GET",
  path: "/goals",
  tag: TAG,
  summary: "List your career goals",
  description:
    "Your career goals with their stepping stones and each step's people, as the Career page shows them: active goals first (the north star, then by horizon), then the achieved and let-go ones, most recently changed first.",
  scope: "read",
  success: { status: 200, description: "Every goal.", schema: z.object({ data: z.array(goalSchema) }) },
  async handle(_input, { userId, db, now }) {
    const goals = await listGoalPaths(db, { userId });
    const stoneIds = goals.flatMap((goal) => goal.stones.map((stone) => stone.id));
    const people = await listStonePeople(db, { userId, stoneIds, now });
    return ok({
      data: goals.map((goal) => ({
        ...goal,
        stones: goal.stones.map((stone) => ({
          ...stone,
          people: people
            .filter((person) => person.stoneId === stone.id)
            .map((person) => ({ id: person.contactId, name: person.name, part: person.part })),
        })),
      })),
    });
  },
});

export const createGoal = defineOperation({
  operationId: "createGoal",
  method: "POST",
  path: "/goals",
  tag: TAG,
  summary: "Create a career goal",
  description:
    "Adds a career goal, as the New goal form does. A goal made the north star takes over from the previous one. Its stepping stones are added in the app.",
  scope: "write",
  body: goalInputSchema,
  success: { status: 201, description: "The goal, created (with no stepping stones yet).", schema: goalSchema },
  async handle({ body }, ctx) {
    const created = await createGoalUseCase(body, ctx);
    if (!created.ok) return created;
    const goal = await getGoal(ctx.db, { userId: ctx.userId, goalId: created.data.id });
    return goal ? ok({ ...goal, stones: [] }) : notFoundResult(GOAL_NOT_FOUND);
  },
});

export const GOAL_OPERATIONS: readonly AnyApiOperation[] = [listGoals, createGoal];
