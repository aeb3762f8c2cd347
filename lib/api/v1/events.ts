import type { AnyApiOperation } from "../operation";

export const EVENT_OPERATIONS: readonly AnyApiOperation[] = [];
