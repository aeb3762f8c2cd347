// Errors of the REST API as RFC 9457 problem details. The type is
// about:blank, so the title is the status's own phrase and `detail` says
// what happened this time.

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
};

export type Problem = { type: string; title: string; status: number; detail: string };

export function problemResponse(status: number, detail: string, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
