import type { AnyApiOperation } from "../operation";
import { getMe } from "./me";

// Every operation of /api/v1, in the order the OpenAPI document and the docs
// page list them. Each is served by the route file at its path
// (app/api/v1/…/route.ts); tests/integration/api-routes.test.ts checks that
// each one is, and that no route serves an operation missing here.
export const API_OPERATIONS: readonly AnyApiOperation[] = [getMe];
