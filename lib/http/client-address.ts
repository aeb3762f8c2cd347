import { isIP } from "node:net";
import { socketAddressHeader } from "./socket-address";

export const UNKNOWN_ADDRESS = "unknown";

// The address of whoever opened the connection to the first proxy we trust.
// With no trusted proxy it is the connection's own address, as recorded by
// the socket hook (lib/http/socket-address.ts). Behind N proxies that each
// append the address they saw, it is the Nth X-Forwarded-For entry from the
// right: everything left of it was written by the client and proves nothing.
// Anything unreadable is "unknown", never a value the client chose.
export function clientAddress(
  headers: Headers,
  options: { trustedProxyHops: number; socketHeader?: string | undefined },
): string {
  if (options.trustedProxyHops === 0) {
    const header = "socketHeader" in options ? options.socketHeader : socketAddressHeader();
    return normaliseAddress(header ? headers.get(header) : null);
  }
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return normaliseAddress(entries.at(-options.trustedProxyHops) ?? null);
}

// "1.2.3.4:5678", "[::1]:80" and "::ffff:1.2.3.4" name the same hosts as
// "1.2.3.4", "::1" and "1.2.3.4".
export function normaliseAddress(value: string | null): string {
  if (!value) return UNKNOWN_ADDRESS;
  let address = value.trim();
  const bracketed = address.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "").toLowerCase();
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? UNKNOWN_ADDRESS : address;
}

export function isLoopbackAddress(address: string): boolean {
  return address === "::1" || (isIP(address) === 4 && address.startsWith("127."));
}

// What the per-address limit counts: one IPv4 address, or one IPv6 /64 (the
// block a single home or server is given, so rotating within it is free).
export function addressLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").flatMap(hextets));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

// An embedded IPv4 tail ("64:ff9b::1.2.3.4") is two hextets.
function hextets(group: string): string[] {
  if (!group.includes(".")) return [group];
  const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
