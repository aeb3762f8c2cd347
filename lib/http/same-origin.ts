// Cookies ride along on a cross-site POST, so a route handler that changes
// data refuses one, as Next does for server actions. Browsers always send
// Origin (or Sec-Fetch-Site) on a POST and a page on another site cannot
// forge either; a request with neither comes from no browser, so it carries
// no ambient cookie to abuse.
function requestHost(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host") || new URL(request.url).host;
}

export function isCrossSiteRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== requestHost(request);
  } catch {
    // "null" (a sandboxed frame, a file) or garbage.
    return true;
  }
}

export function crossSiteRefusal(request: Request): Response | null {
  if (!isCrossSiteRequest(request)) return null;
  return Response.json(
    { error: "This request came from another site. Open Kith itself and try again there." },
    { status: 403 },
  );
}
