import type { AnyApiOperation } from "../operation";

export const SUMMARY_OPERATIONS: readonly AnyApiOperation[] = [];
