import { type NextRequest, NextResponse } from "next/server";
import { refuseMalformedActionBody } from "@/lib/http/action-body";

// /unsubscribe is opened from the weekly email, signed out; its token is the authority.
// /offline is the service worker's page for when there is no network and no
// copy of the page asked for: it holds nobody's data.
const PUBLIC_PATHS = ["/", "/sign-in", "/outbox", "/unsubscribe", "/offline"];

// Route handlers that send a signed-out visitor to sign in themselves. The
// phone's share sheet POSTs to /share, and this proxy's redirect keeps the
// method (307): the sign-in page would be posted the shared form and refuse
// it. /share's own answer is a 303, which the browser follows with a GET.
const SELF_GUARDED_PATHS = new Set(["/share"]);

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.some((path) => pathname === path || (path !== "/" && pathname.startsWith(`${path}/`)));
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
}

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React's dev tooling evaluates code; production never needs 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Two years, the preload list's floor. Browsers ignore the header on plain
// http, so a spoofed X-Forwarded-Proto cannot turn it on for anyone.
const HSTS = "max-age=63072000; includeSubDomains";

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

// Redirects visitors without a session cookie to sign-in and sets the CSP.
// It is not the authorization boundary: pages, actions and queries check the
// session themselves.
export async function proxy(request: NextRequest) {
  const malformedAction = await refuseMalformedActionBody(request);
  if (malformedAction) return malformedAction;
  const { pathname, search } = request.nextUrl;
  if (!isPublic(pathname) && !SELF_GUARDED_PATHS.has(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      // The web app manifest is fetched without cookies, and the service
      // worker's script runs no page: neither needs a session or a CSP nonce.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|icons/|manifest.webmanifest|serwist/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
