import type { AnyApiOperation } from "../operation";

export const CONTACT_OPERATIONS: readonly AnyApiOperation[] = [];
