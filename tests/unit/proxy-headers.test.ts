import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const signedIn = { cookie: "authjs.session-token=any" };

describe("proxy security headers", () => {
  it("asks browsers to keep to https when Kith is served over https", async () => {
    const direct = await proxy(new NextRequest("https://kith.example/dashboard", { headers: signedIn }));
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const behindProxy = await proxy(
      new NextRequest("http://kith.internal:3000/dashboard", { headers: { ...signedIn, "x-forwarded-proto": "https" } }),
    );
    expect(behindProxy.headers.get("strict-transport-security")).toMatch(/^max-age=63072000/);
  });

  it("sends no HSTS over plain http, where it would mean nothing", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/dashboard", { headers: signedIn }));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
