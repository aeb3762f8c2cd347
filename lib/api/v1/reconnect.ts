import type { AnyApiOperation } from "../operation";

export const RECONNECT_OPERATIONS: readonly AnyApiOperation[] = [];
