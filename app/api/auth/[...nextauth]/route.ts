import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

export const GET = handlers.GET;

// Sign-in links are requested through the sign-in page's server action, which
// applies the rate limit; Auth.js's own sign-in POST would skip it.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin")) {
    return Response.json({ error: "Request a sign-in link from /sign-in." }, { status: 404 });
  }
  return handlers.POST(request);
}
