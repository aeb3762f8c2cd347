import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>, url = "http://localhost:3000/api/imports") =>
  new Request(url, { method: "POST", headers });

describe("isCrossSiteRequest", () => {
  it("lets Kith's own pages through", () => {
    expect(isCrossSiteRequest(post({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(false);
    expect(isCrossSiteRequest(post({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }))).toBe(false);
    expect(
      isCrossSiteRequest(
        post({ origin: "https://kith.example", host: "10.0.0.5:3000", "x-forwarded-host": "kith.example" }),
      ),
    ).toBe(false);
  });

  it("lets a client that is no browser through: it carries no ambient cookie", () => {
    expect(isCrossSiteRequest(post({}))).toBe(false);
  });

  it("refuses another site's page, a sandboxed frame and a same-site sibling", () => {
    expect(isCrossSiteRequest(post({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(true);
    expect(isCrossSiteRequest(post({ origin: "null", host: "localhost:3000" }))).toBe(true);
    expect(isCrossSiteRequest(post({ origin: "http://localhost:3001", host: "localhost:3000" }))).toBe(true);
    expect(isCrossSiteRequest(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(post({ "sec-fetch-site": "same-site", origin: "https://app.kith.example" }))).toBe(true);
  });

  it("answers 403 with a message, or nothing when the request may go on", async () => {
    const refusal = crossSiteRefusal(post({ origin: "https://evil.example", host: "localhost:3000" }));
    expect(refusal?.status).toBe(403);
    expect(await refusal?.json()).toEqual({ error: expect.stringContaining("another site") });
    expect(crossSiteRefusal(post({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBeNull();
  });
});
