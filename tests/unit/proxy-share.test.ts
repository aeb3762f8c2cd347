import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// A share from the phone's share sheet reaches /share signed out too, which
// sends the person to sign in itself; every other page is still redirected.
describe("proxy and the share target", () => {
  it("lets a signed-out POST /share through to the route, which answers with a 303 of its own", async () => {
    const body = new FormData();
    body.set("text", "Ada Quinn <ada@example.com>");
    const response = await proxy(new NextRequest("http://localhost:3000/share", { method: "POST", body, headers: { "sec-fetch-site": "none" } }));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("still redirects signed-out visitors elsewhere, /share/… included", async () => {
    for (const path of ["/contacts/new", "/share/x", "/shared"]) {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(response.status, path).toBe(307);
      expect(new URL(response.headers.get("location") ?? "").pathname, path).toBe("/sign-in");
    }
  });
});
