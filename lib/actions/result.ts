import type { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors?: FieldErrors; formError?: string; notFound?: true; conflict?: true };

// What every mutation answers without a session (an offline queue keeps its
// entries on this answer, to send once the person has signed in again).
export const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(formError: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}

// A refusal because a record named by id is not the user's (or is gone): the
// forms show formError as any other, the REST API answers 404.
export function notFoundResult(formError: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, formError, fieldErrors, notFound: true };
}

// A refusal because saving would clash with what is already stored (a likely
// duplicate): the forms show formError as any other, the REST API answers 409.
export function conflictResult(formError: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, formError, fieldErrors, conflict: true };
}

export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    if (key === "") formErrors.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  return {
    ok: false,
    fieldErrors,
    formError: formErrors[0] ?? "Some fields need your attention.",
  };
}
