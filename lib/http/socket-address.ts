import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

// Next.js fills X-Forwarded-For with the connection's address only when the
// client sent none (`??=` in its base server), so a client that writes the
// header itself hides its address, and route handlers never see the socket.
// This hook copies the connection's address into a header of Kith's own
// before Next.js reads the request. The header's name is random per process:
// a client cannot send it, even through a path that skips the hook.

const HOOK = Symbol.for("kith.socketAddressHeader");

type Hooked = { [HOOK]?: string };

export function installSocketAddressHeader(): string {
  const store = globalThis as Hooked;
  const existing = store[HOOK];
  if (existing) return existing;
  const header = `x-kith-socket-${randomBytes(16).toString("hex")}`;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as IncomingMessage;
        request.headers[header] = request.socket.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
  store[HOOK] = header;
  return header;
}

// The header the hook writes, or undefined where it was never installed
// (a host that does not run instrumentation.ts, a test).
export function socketAddressHeader(): string | undefined {
  return (globalThis as Hooked)[HOOK];
}
