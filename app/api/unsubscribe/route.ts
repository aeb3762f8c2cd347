import { getDb } from "@/db/client";
import { unsubscribeByToken } from "@/lib/digest/link-actions";

// RFC 8058 one-click unsubscribe: the mail client POSTs
// `List-Unsubscribe=One-Click` here, with no cookies and no page to confirm.
// The signed token is the authority, so neither a session nor a CSRF token is
// asked for; the body is not required either, since the token says it all.
export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const result = await unsubscribeByToken(await getDb(), token);
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!result.ok) {
    const message =
      result.refusal === "expired" ? "This unsubscribe link has expired." : "This unsubscribe link is not valid.";
    return new Response(`${message} Sign in to Kith and turn the weekly email off in Settings.\n`, { status: 400, headers });
  }
  return new Response("You are unsubscribed from Kith's weekly email.\n", { status: 200, headers });
}

// Opening the one-click address in a browser changes nothing (mail scanners
// follow links): it leads to the page with the button.
export function GET(request: Request): Response {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  return new Response(null, {
    status: 303,
    headers: { Location: `/unsubscribe?t=${encodeURIComponent(token)}`, "Cache-Control": "no-store" },
  });
}
