import type { AnyApiOperation } from "../operation";

export const TOUCH_OPERATIONS: readonly AnyApiOperation[] = [];
