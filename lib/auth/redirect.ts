const FALLBACK = "/dashboard";

// Only same-origin paths: "/settings" yes; "//evil.test", "/\\evil.test",
// "https://evil.test" no.
export function safeRedirectPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return FALLBACK;
  }
  try {
    const url = new URL(value, "http://kith.invalid");
    if (url.origin !== "http://kith.invalid") return FALLBACK;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return FALLBACK;
  }
}

// Auth.js redirect callback: relative paths and our own origin pass, anything
// else lands on the fallback.
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return new URL(safeRedirectPath(url), baseUrl).toString();
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return target.toString();
  } catch {
    // Not a URL: fall through.
  }
  return new URL(FALLBACK, baseUrl).toString();
}
