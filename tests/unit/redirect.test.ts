import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginRedirect } from "@/lib/auth/redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/contacts?page=2#top", "/contacts?page=2#top"],
    ["//evil.example/x", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    ["", "/dashboard"],
    [undefined, "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("never leaves the origin, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = safeRedirectPath(input);
        expect(new URL(result, "https://kith.example").origin).toBe("https://kith.example");
      }),
    );
  });
});

describe("sameOriginRedirect", () => {
  const base = "https://kith.example";
  it("keeps relative paths and same-origin URLs", () => {
    expect(sameOriginRedirect("/settings", base)).toBe("https://kith.example/settings");
    expect(sameOriginRedirect("https://kith.example/events", base)).toBe("https://kith.example/events");
  });
  it("sends other origins to the dashboard", () => {
    expect(sameOriginRedirect("https://evil.example/x", base)).toBe("https://kith.example/dashboard");
    expect(sameOriginRedirect("//evil.example/x", base)).toBe("https://kith.example/dashboard");
  });
});
