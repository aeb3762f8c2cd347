import type { AnyApiOperation } from "../operation";

export const GOAL_OPERATIONS: readonly AnyApiOperation[] = [];
