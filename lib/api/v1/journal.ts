import type { AnyApiOperation } from "../operation";

export const JOURNAL_OPERATIONS: readonly AnyApiOperation[] = [];
