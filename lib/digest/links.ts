import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

// The weekly email's one-click links carry a signed token instead of relying
// on a session: `base64url(JSON payload).base64url(HMAC-SHA256)`. A token says
// what to do (a), for whom (u), to which contact (c) or success (s), from which
// digest (p), and until when (e, epoch seconds). The signature covers the
// payload exactly as sent, and the signature is compared as the exact string
// we would have produced, so no re-encoding of either part ever verifies.

export const DIGEST_ACTIONS = ["log", "snooze", "congratulate", "record-win", "unsubscribe"] as const;
export type DigestAction = (typeof DIGEST_ACTIONS)[number];

export type DigestTokenPayload = {
  a: DigestAction;
  u: string;
  c?: string;
  s?: string;
  p: string;
  e: number;
};

export type DigestTokenFailure = "malformed" | "bad-signature" | "expired";

export type DigestTokenResult = { ok: true; payload: DigestTokenPayload } | { ok: false; reason: DigestTokenFailure };

const DAY_SECONDS = 24 * 60 * 60;

// Unsubscribe must keep working long after the email was sent (RFC 8058
// clients keep the header); the others act on one week's digest.
export const DIGEST_LINK_TTL_SECONDS: Record<DigestAction, number> = {
  log: 30 * DAY_SECONDS,
  snooze: 30 * DAY_SECONDS,
  congratulate: 30 * DAY_SECONDS,
  "record-win": 30 * DAY_SECONDS,
  unsubscribe: 365 * DAY_SECONDS,
};

// Longer than any token we mint; refuses garbage before any work is done.
const MAX_TOKEN_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z
  .strictObject({
    a: z.enum(DIGEST_ACTIONS),
    u: z.uuid(),
    c: z.uuid().optional(),
    s: z.uuid().optional(),
    p: z.string().min(1).max(32),
    e: z.number().int().positive(),
  })
  .refine((payload) => (payload.a === "log" || payload.a === "snooze" ? payload.c !== undefined : true))
  .refine((payload) => (payload.a === "congratulate" ? payload.s !== undefined : true));

// A key for this purpose only, so a digest link never doubles as anything the
// session secret signs (and vice versa). Rotating AUTH_SECRET voids the links.
export function deriveDigestLinkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "kith digest links v1", 32));
}

export function digestLinkKey(): Buffer {
  return deriveDigestLinkKey(authSecret());
}

// The public origin links point at: AUTH_URL (Auth.js accepts it with its
// /api/auth base path; links want the app's root), else the dev server.
export function appUrl(): string {
  const { AUTH_URL } = env();
  if (!AUTH_URL) return "http://localhost:3000";
  const url = new URL(AUTH_URL);
  const path = url.pathname.replace(/\/+$/, "").replace(/\/api\/auth$/, "");
  return `${url.origin}${path}`;
}

export function digestTokenExpiry(action: DigestAction, now: Date): number {
  return Math.floor(now.getTime() / 1000) + DIGEST_LINK_TTL_SECONDS[action];
}

// The payload for a link minted `now`, expiring after its action's lifetime.
export function digestPayload(fields: Omit<DigestTokenPayload, "e">, now: Date = new Date()): DigestTokenPayload {
  return { ...fields, e: digestTokenExpiry(fields.a, now) };
}

function signature(body: string, key: Buffer): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function signDigestToken(payload: DigestTokenPayload, key: Buffer): string {
  const checked = payloadSchema.parse(payload);
  const body = Buffer.from(JSON.stringify(checked)).toString("base64url");
  return `${body}.${signature(body, key)}`;
}

export function verifyDigestToken(token: string, key: Buffer, now: Date = new Date()): DigestTokenResult {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "malformed" };
  const [body, sent] = parts as [string, string];
  if (!BASE64URL.test(body) || !BASE64URL.test(sent)) return { ok: false, reason: "malformed" };

  const expected = Buffer.from(signature(body, key));
  const actual = Buffer.from(sent);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: "bad-signature" };
  }

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  if (Math.floor(now.getTime() / 1000) >= parsed.data.e) return { ok: false, reason: "expired" };
  return { ok: true, payload: parsed.data };
}

const LINK_PATHS: Record<DigestAction, string> = {
  log: "/digest/log",
  snooze: "/digest/snooze",
  congratulate: "/digest/congratulate",
  "record-win": "/digest/record-win",
  // The visible link: a page with a button, since mail scanners open links.
  unsubscribe: "/unsubscribe",
};

function withToken(baseUrl: string, path: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}?t=${encodeURIComponent(token)}`;
}

// The link a person clicks in the email.
export function digestLinkUrl(baseUrl: string, payload: DigestTokenPayload, key: Buffer): string {
  return withToken(baseUrl, LINK_PATHS[payload.a], signDigestToken(payload, key));
}

// The RFC 8058 `List-Unsubscribe` target: the mail client POSTs
// `List-Unsubscribe=One-Click` to it, without cookies.
export function oneClickUnsubscribeUrl(baseUrl: string, payload: DigestTokenPayload, key: Buffer): string {
  if (payload.a !== "unsubscribe") throw new Error("oneClickUnsubscribeUrl needs an unsubscribe payload");
  return withToken(baseUrl, "/api/unsubscribe", signDigestToken(payload, key));
}
