import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressLimitKey, clientAddress, isLoopbackAddress, normaliseAddress } from "@/lib/http/client-address";
import { installSocketAddressHeader, socketAddressHeader } from "@/lib/http/socket-address";

const SOCKET = "x-kith-socket-test";

function headersOf(entries: Record<string, string>): Headers {
  return new Headers(entries);
}

describe("clientAddress with no trusted proxy", () => {
  it("is the connection's address, whatever X-Forwarded-For says", () => {
    const headers = headersOf({ [SOCKET]: "203.0.113.5", "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.8.8.8" });
    expect(clientAddress(headers, { trustedProxyHops: 0, socketHeader: SOCKET })).toBe("203.0.113.5");
  });

  it("is unknown where no hook recorded the connection, never a header the client wrote", () => {
    const headers = headersOf({ "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.8.8.8", [SOCKET]: "10.7.7.7" });
    expect(clientAddress(headers, { trustedProxyHops: 0, socketHeader: undefined })).toBe("unknown");
    expect(clientAddress(headersOf({}), { trustedProxyHops: 0, socketHeader: SOCKET })).toBe("unknown");
  });
});

describe("clientAddress behind trusted proxies", () => {
  it("takes the entry the first trusted proxy appended, ignoring what the client prepended", () => {
    const spoofed = headersOf({ "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.4, 10.0.0.2" });
    expect(clientAddress(spoofed, { trustedProxyHops: 1, socketHeader: SOCKET })).toBe("10.0.0.2");
    expect(clientAddress(spoofed, { trustedProxyHops: 2, socketHeader: SOCKET })).toBe("198.51.100.4");
  });

  it("reads repeated headers and stray commas as one list", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "6.6.6.6,");
    headers.append("x-forwarded-for", " 198.51.100.4 ");
    expect(clientAddress(headers, { trustedProxyHops: 1, socketHeader: SOCKET })).toBe("198.51.100.4");
  });

  it("is unknown when fewer proxies than trusted wrote the header, or when none did", () => {
    const one = headersOf({ "x-forwarded-for": "198.51.100.4" });
    expect(clientAddress(one, { trustedProxyHops: 2, socketHeader: SOCKET })).toBe("unknown");
    expect(clientAddress(headersOf({}), { trustedProxyHops: 1, socketHeader: SOCKET })).toBe("unknown");
    const junk = headersOf({ "x-forwarded-for": "1.2.3.4, not-an-address" });
    expect(clientAddress(junk, { trustedProxyHops: 1, socketHeader: SOCKET })).toBe("unknown");
  });

  it("gives a client that rotates its own X-Forwarded-For the same address every time", () => {
    const seen = new Set(
      Array.from({ length: 20 }, (_, i) =>
        clientAddress(headersOf({ "x-forwarded-for": `10.0.${i}.1, 198.51.100.4` }), { trustedProxyHops: 1 }),
      ),
    );
    expect([...seen]).toEqual(["198.51.100.4"]);
  });
});

describe("address normalisation", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4:5678 ", "1.2.3.4"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["unknown", "unknown"],
    ["", "unknown"],
    ["1.2.3.4.5", "unknown"],
  ])("%j → %j", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });

  it("counts an IPv6 /64 as one client and an IPv4 address as itself", () => {
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8:1:2:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(addressLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(addressLimitKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(addressLimitKey("203.0.113.5")).toBe("203.0.113.5");
  });

  it("knows loopback", () => {
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("127.3.2.1")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("10.0.0.1")).toBe(false);
    expect(isLoopbackAddress("unknown")).toBe(false);
  });
});

describe("the socket hook on a real HTTP server", () => {
  let server: http.Server;
  let url: string;
  let seen: Headers[] = [];

  beforeAll(async () => {
    installSocketAddressHeader();
    server = http.createServer((request, response) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      seen.push(headers);
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("records the connection's address under a name the client cannot send", async () => {
    seen = [];
    const header = socketAddressHeader();
    expect(header).toMatch(/^x-kith-socket-[0-9a-f]{32}$/);
    // Installing twice keeps one hook and one name.
    expect(installSocketAddressHeader()).toBe(header);
    await fetch(url, { headers: { "x-forwarded-for": "10.6.6.6", [header ?? ""]: "10.7.7.7" } });
    const [headers] = seen;
    expect(headers?.get(header ?? "")).toBe("127.0.0.1");
    expect(clientAddress(headers ?? new Headers(), { trustedProxyHops: 0 })).toBe("127.0.0.1");
  });
});
