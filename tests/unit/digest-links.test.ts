import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DIGEST_ACTIONS,
  type DigestTokenPayload,
  deriveDigestLinkKey,
  digestLinkUrl,
  digestPayload,
  oneClickUnsubscribeUrl,
  signDigestToken,
  verifyDigestToken,
} from "@/lib/digest/links";

const KEY = deriveDigestLinkKey("a test secret that is long enough for AUTH_SECRET");
const OTHER_KEY = deriveDigestLinkKey("another secret, from another installation");
const NOW = new Date("2026-11-23T08:00:00Z");
const USER = "0b7e4a52-2f7c-4c1e-9d3a-5b8f1e2a3c4d";
const CONTACT = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
const SUCCESS = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const DAY = 86_400_000;

function payload(values: Partial<DigestTokenPayload> = {}): DigestTokenPayload {
  return digestPayload({ a: "log", u: USER, c: CONTACT, p: "2026-W48", ...values }, NOW);
}

// Signs any body with the real key: what signDigestToken itself refuses to sign.
function forge(json: unknown): string {
  const body = encode(json);
  return `${body}.${createHmac("sha256", KEY).update(body).digest("base64url")}`;
}

function encode(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString("base64url");
}

// A token whose payload part was replaced, keeping the original signature.
function withBody(token: string, json: unknown): string {
  return `${encode(json)}.${token.split(".")[1]}`;
}

describe("digest link tokens", () => {
  it("round-trips every action", () => {
    const payloads: DigestTokenPayload[] = [
      payload({ a: "log" }),
      payload({ a: "snooze" }),
      payload({ a: "congratulate", c: CONTACT, s: SUCCESS }),
      payload({ a: "record-win", c: undefined }),
      payload({ a: "unsubscribe", c: undefined }),
    ];
    for (const sent of payloads) {
      const result = verifyDigestToken(signDigestToken(sent, KEY), KEY, NOW);
      expect(result).toEqual({ ok: true, payload: JSON.parse(JSON.stringify(sent)) });
    }
  });

  it("keeps log, snooze, congratulate and record-win links 30 days and unsubscribe links a year", () => {
    const at = (days: number) => new Date(NOW.getTime() + days * DAY);
    for (const action of ["log", "snooze"] as const) {
      const token = signDigestToken(payload({ a: action }), KEY);
      expect(verifyDigestToken(token, KEY, at(29.9)).ok).toBe(true);
      expect(verifyDigestToken(token, KEY, at(30))).toEqual({ ok: false, reason: "expired" });
    }
    const congratulate = signDigestToken(payload({ a: "congratulate", s: SUCCESS }), KEY);
    expect(verifyDigestToken(congratulate, KEY, at(30))).toEqual({ ok: false, reason: "expired" });
    const recordWin = signDigestToken(payload({ a: "record-win", c: undefined }), KEY);
    expect(verifyDigestToken(recordWin, KEY, at(29.9)).ok).toBe(true);
    expect(verifyDigestToken(recordWin, KEY, at(30))).toEqual({ ok: false, reason: "expired" });
    const unsubscribe = signDigestToken(payload({ a: "unsubscribe", c: undefined }), KEY);
    expect(verifyDigestToken(unsubscribe, KEY, at(364)).ok).toBe(true);
    expect(verifyDigestToken(unsubscribe, KEY, at(365))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token signed with another key", () => {
    const token = signDigestToken(payload(), OTHER_KEY);
    expect(verifyDigestToken(token, KEY, NOW)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses a payload changed under the same signature", () => {
    const token = signDigestToken(payload(), KEY);
    const sent = payload();
    for (const changed of [
      { ...sent, a: "snooze" },
      { ...sent, u: CONTACT },
      { ...sent, c: SUCCESS },
      { ...sent, e: sent.e + 365 * 86_400 },
    ]) {
      expect(verifyDigestToken(withBody(token, changed), KEY, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    }
  });

  it("refuses a changed signature", () => {
    const token = signDigestToken(payload(), KEY);
    const [body, sig] = token.split(".") as [string, string];
    const flipped = `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`;
    expect(verifyDigestToken(`${body}.${flipped}`, KEY, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyDigestToken(`${body}.${sig.slice(1)}`, KEY, NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyDigestToken(`${body}.${sig}A`, KEY, NOW)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses every one-character change", () => {
    const token = signDigestToken(payload(), KEY);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    for (let i = 0; i < token.length; i++) {
      const other = alphabet[(alphabet.indexOf(token[i] ?? "A") + 1) % alphabet.length];
      const changed = `${token.slice(0, i)}${other}${token.slice(i + 1)}`;
      expect(verifyDigestToken(changed, KEY, NOW).ok, `position ${i}`).toBe(false);
    }
  });

  it("reports malformed tokens", () => {
    for (const token of ["", ".", "abc", "a.b.c", "a b.c", "é.x", "x".repeat(2000)]) {
      expect(verifyDigestToken(token, KEY, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("refuses a correctly signed payload with an unknown action, a missing target or extra fields", () => {
    for (const json of [
      { ...payload(), a: "delete" },
      { ...payload(), a: "log", c: undefined },
      { ...payload(), a: "snooze", c: undefined },
      { ...payload(), a: "congratulate", s: undefined },
      { ...payload(), u: "not-a-uuid" },
      { ...payload(), e: "never" },
      { ...payload(), extra: true },
      "just a string",
    ]) {
      expect(verifyDigestToken(forge(json), KEY, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
    expect(verifyDigestToken(forge(payload()), KEY, NOW).ok).toBe(true);
  });

  it("never verifies a token with any byte changed", () => {
    const tokens = [
      signDigestToken(payload(), KEY),
      signDigestToken(payload({ a: "unsubscribe", c: undefined }), KEY),
      signDigestToken(payload({ a: "congratulate", s: SUCCESS }), KEY),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...tokens),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (token, at, mask) => {
          const bytes = Buffer.from(token);
          const i = at % bytes.length;
          bytes[i] = (bytes[i] ?? 0) ^ mask;
          return !verifyDigestToken(bytes.toString("latin1"), KEY, NOW).ok;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("builds the links with URL-safe tokens", () => {
    const base = "https://kith.example/";
    const log = new URL(digestLinkUrl(base, payload(), KEY));
    expect(`${log.origin}${log.pathname}`).toBe("https://kith.example/digest/log");
    expect(verifyDigestToken(log.searchParams.get("t") ?? "", KEY, NOW).ok).toBe(true);
    expect(digestLinkUrl(base, payload({ a: "snooze" }), KEY)).toMatch(/^https:\/\/kith\.example\/digest\/snooze\?t=[\w.-]+$/);
    expect(digestLinkUrl(base, payload({ a: "congratulate", s: SUCCESS }), KEY)).toMatch(
      /^https:\/\/kith\.example\/digest\/congratulate\?t=[\w.-]+$/,
    );
    expect(digestLinkUrl(base, payload({ a: "record-win", c: undefined }), KEY)).toMatch(
      /^https:\/\/kith\.example\/digest\/record-win\?t=[\w.-]+$/,
    );
    const unsubscribe = payload({ a: "unsubscribe", c: undefined });
    expect(digestLinkUrl(base, unsubscribe, KEY)).toMatch(/^https:\/\/kith\.example\/unsubscribe\?t=[\w.-]+$/);
    expect(oneClickUnsubscribeUrl(base, unsubscribe, KEY)).toMatch(/^https:\/\/kith\.example\/api\/unsubscribe\?t=[\w.-]+$/);
    expect(() => oneClickUnsubscribeUrl(base, payload(), KEY)).toThrow();
  });

  it("refuses to sign what it would not verify", () => {
    for (const action of DIGEST_ACTIONS) {
      expect(() => signDigestToken({ a: action, u: "nobody", p: "2026-W48", e: 1 }, KEY)).toThrow();
    }
  });
});
