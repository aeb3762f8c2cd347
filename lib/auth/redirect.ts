const FALLBACK = "/dashboard";
const PROBE_ORIGIN = "http://kith.invalid";

// Control characters are refused outright: the URL parser silently drops
// tabs and newlines, so "/\t/evil.example" would read as "//evil.example".
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

// A same-origin path or the dashboard. The value is normalised first, as a
// browser would ("/.//x", "/%2e//x" and "/./\x" all become "//x"), and only
// the normalised result is judged, so no spelling can turn into
// "//evil.example" after the check.
export function safeRedirectPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || CONTROL_CHARACTER.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A browser reads "//host" (and "/\host") in a Location header as another origin.
  if (path.startsWith("//") || path.startsWith("/\\")) return FALLBACK;
  return path;
}

// Auth.js redirect callback: relative paths and our own origin pass through
// the same check, anything else lands on the fallback.
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) return new URL(safeRedirectPath(url), base).toString();
  try {
    const target = new URL(url);
    if (target.origin === base.origin) {
      return new URL(safeRedirectPath(`${target.pathname}${target.search}${target.hash}`), base).toString();
    }
  } catch {
    // Not a URL: fall through.
  }
  return new URL(FALLBACK, base).toString();
}
