import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const resend = { RESEND_API_KEY: "re_123", EMAIL_FROM: "Kith <hi@kith.example>" };

describe("parseEnv", () => {
  it("runs with zero configuration in development", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe(path.resolve(".data"));
    expect(env.isOutboxReadable).toBe(true);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/kith" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ RESEND_BASE_URL: "not a url" })).toThrow(/RESEND_BASE_URL/);
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), ...resend });
    expect(env.isOutboxReadable).toBe(false);
  });

  it("refuses to run in production without an email provider, unless the outbox is chosen", () => {
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) })).toThrow(
      /RESEND_API_KEY: is required in production.*KITH_OUTBOX=true/,
    );
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), KITH_OUTBOX: "false" })).toThrow(
      /RESEND_API_KEY/,
    );
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), ...resend }).RESEND_API_KEY).toBe("re_123");
  });

  it("shows the outbox in production only when asked", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), KITH_OUTBOX: "true" });
    expect(env.isOutboxReadable).toBe(true);
  });

  it("requires a sender with Resend", () => {
    expect(() => parseEnv({ RESEND_API_KEY: "re_123" })).toThrow(/EMAIL_FROM/);
    expect(parseEnv({ RESEND_API_KEY: "re_123", EMAIL_FROM: "Kith <hi@kith.example>" }).emailFrom).toBe(
      "Kith <hi@kith.example>",
    );
  });
});
