import type { FieldErrors } from "@/lib/actions/result";

// Errors of the REST API as RFC 9457 problem details. The type is
// about:blank, so the title is the status's own phrase and `detail` says
// what happened this time. A refusal of the input names each field that
// needs fixing in `errors`, by its path in the body or query ("emails.0.email").

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Record<string, string[]>;
};

function onlyMessages(fieldErrors: FieldErrors): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors).filter((entry): entry is [string, string[]] => (entry[1]?.length ?? 0) > 0),
  );
}

export function problemResponse(
  status: number,
  detail: string,
  headers: Record<string, string> = {},
  fieldErrors?: FieldErrors,
): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail };
  if (fieldErrors) body.errors = onlyMessages(fieldErrors);
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
