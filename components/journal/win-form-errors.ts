import type { FieldErrors } from "@/lib/actions/result";
import type { WinInput } from "@/lib/validations/journal";

// Where the win form shows an error: the server's answer mapped onto its
// fields, and the first message inside a list field.

// The fields in the order the form shows them: the first one at fault gets focus.
const FORM_KEYS = [
  "title",
  "occurredOn",
  "kind",
  "what",
  "result",
  "metricValue",
  "metricUnit",
  "roleId",
  "skills",
  "people",
  "url",
  "situation",
  "task",
] as const satisfies readonly (keyof WinInput)[];
export type FormKey = (typeof FORM_KEYS)[number];

// Server errors arrive keyed by path ("people.0.contactId"): show them at the field.
export function toFormErrors(fieldErrors: FieldErrors | undefined): [FormKey, string][] {
  const byKey = new Map<string, string>();
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const key = path.split(".")[0] ?? "";
    if (messages?.[0] && !byKey.has(key)) byKey.set(key, messages[0]);
  }
  return FORM_KEYS.flatMap((key) => {
    const message = byKey.get(key);
    return message ? [[key, message] as [FormKey, string]] : [];
  });
}

// An error somewhere inside a list field (a person, a skill), or on the list itself.
export function listError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string") return error.message;
  for (const item of Object.values(error)) {
    const message = listError(item);
    if (message) return message;
  }
  return undefined;
}
