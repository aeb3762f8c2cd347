import type { AnyApiOperation } from "../operation";

export const SUCCESS_OPERATIONS: readonly AnyApiOperation[] = [];
