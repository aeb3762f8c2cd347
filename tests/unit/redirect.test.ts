import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginRedirect } from "@/lib/auth/redirect";

const ORIGIN = "https://kith.example";

// Pieces an attacker strings together: dot segments in every spelling,
// slashes and backslashes raw and encoded, whitespace the URL parser drops,
// userinfo and scheme markers, and hosts.
const piece = fc.constantFrom(
  ".", "..", "%2e", "%2E", "%2e%2e", ".%2e", "%2E.", "%252e",
  "/", "//", "\\", "%2f", "%2F", "%5c", "%5C", "%252f",
  "\t", "\n", "\r", "%09", "%0a", "%0d", " ", "%20", "\u0000", "\u007f",
  "@", ":", "%40", "%3a", "?", "#", "&", "=",
  "evil.example", "kith.example", "127.0.0.1", "[::1]", "localhost", "user:pass@evil.example",
  "http:", "https:", "javascript:", "data:", "//evil.example", "\\\\evil.example",
  "settings", "contacts", "é", "%zz",
);
const start = fc.constantFrom("", "/", "//", "/\\", "\\", "/./", "/../", "/%2e/", "/.//", " /", "\t/");
const hostileInput = fc.oneof(
  fc.tuple(start, fc.array(piece, { maxLength: 12 })).map(([head, rest]) => head + rest.join("")),
  fc.tuple(start, fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 8 })).map(
    ([head, rest]) => head + rest.join(""),
  ),
  fc.string(),
);

function isSameOriginPath(result: string): boolean {
  return (
    result.startsWith("/") &&
    !result.startsWith("//") &&
    !result.startsWith("/\\") &&
    new URL(result, ORIGIN).origin === ORIGIN
  );
}

describe("safeRedirectPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/contacts?page=2#top", "/contacts?page=2#top"],
    ["/digest/snooze?t=abc%2Bdef", "/digest/snooze?t=abc%2Bdef"],
    ["/contacts/./a/../b", "/contacts/b"],
    ["//evil.example/x", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    ["", "/dashboard"],
    [undefined, "/dashboard"],
    // Each of these normalises to "//evil.example" (issue 11, finding 3).
    ["/.//evil.example", "/dashboard"],
    ["/%2e//evil.example", "/dashboard"],
    ["/..//evil.example", "/dashboard"],
    ["/./\\evil.example", "/dashboard"],
    ["/a/..//evil.example", "/dashboard"],
    ["/%2e%2e//evil.example", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["/\n/evil.example", "/dashboard"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("answers a same-origin path for any generated path, encoding and slash", () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const result = safeRedirectPath(input);
        expect(isSameOriginPath(result), `${JSON.stringify(input)} → ${JSON.stringify(result)}`).toBe(true);
        expect(safeRedirectPath(result)).toBe(result);
      }),
      { numRuns: 5_000 },
    );
  });

  it("keeps an ordinary path as it is", () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(segment), (segments, query) => {
        const path = `/${segments.join("/")}${query ? `?q=${query}` : ""}`;
        expect(safeRedirectPath(path)).toBe(path);
      }),
    );
  });
});

describe("sameOriginRedirect", () => {
  it("keeps relative paths and same-origin URLs", () => {
    expect(sameOriginRedirect("/settings", ORIGIN)).toBe("https://kith.example/settings");
    expect(sameOriginRedirect("https://kith.example/events", ORIGIN)).toBe("https://kith.example/events");
  });

  it("sends other origins to the dashboard", () => {
    expect(sameOriginRedirect("https://evil.example/x", ORIGIN)).toBe("https://kith.example/dashboard");
    expect(sameOriginRedirect("//evil.example/x", ORIGIN)).toBe("https://kith.example/dashboard");
    expect(sameOriginRedirect("/.//evil.example", ORIGIN)).toBe("https://kith.example/dashboard");
    expect(sameOriginRedirect("https://kith.example/.//evil.example", ORIGIN)).toBe("https://kith.example/dashboard");
  });

  it("stays on the origin for any generated URL or path", () => {
    const absolute = fc.tuple(fc.constantFrom(`${ORIGIN}`, "https://evil.example", "http://kith.example"), hostileInput);
    fc.assert(
      fc.property(fc.oneof(hostileInput, absolute.map(([origin, rest]) => origin + rest)), (input) => {
        const result = new URL(sameOriginRedirect(input, ORIGIN));
        expect(result.origin).toBe(ORIGIN);
        expect(isSameOriginPath(`${result.pathname}${result.search}${result.hash}`)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});
