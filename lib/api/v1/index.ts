import type { AnyApiOperation } from "../operation";
import { CONTACT_OPERATIONS } from "./contacts";
import { EVENT_OPERATIONS } from "./events";
import { GOAL_OPERATIONS } from "./goals";
import { JOURNAL_OPERATIONS } from "./journal";
import { getMe } from "./me";
import { RECONNECT_OPERATIONS } from "./reconnect";
import { SUCCESS_OPERATIONS } from "./successes";
import { SUMMARY_OPERATIONS } from "./summary";
import { TOUCH_OPERATIONS } from "./touches";

// Every operation of /api/v1, in the order the OpenAPI document and the docs
// page list them. Each is served by the route file at its path
// (app/api/v1/…/route.ts); tests/integration/api-core.test.ts checks that
// each one is, and that no route serves an operation missing here.
export const API_OPERATIONS: readonly AnyApiOperation[] = [
  getMe,
  ...CONTACT_OPERATIONS,
  ...TOUCH_OPERATIONS,
  ...SUCCESS_OPERATIONS,
  ...EVENT_OPERATIONS,
  ...RECONNECT_OPERATIONS,
  ...JOURNAL_OPERATIONS,
  ...GOAL_OPERATIONS,
  ...SUMMARY_OPERATIONS,
];
