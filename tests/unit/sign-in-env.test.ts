import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("sign-in limit variables", () => {
  it("trust no proxy and allow 500 sign-in emails an hour by default", () => {
    const env = parseEnv({});
    expect(env.KITH_TRUSTED_PROXY_HOPS).toBe(0);
    expect(env.KITH_SIGN_IN_EMAILS_PER_HOUR).toBe(500);
  });

  it("read whole numbers", () => {
    const env = parseEnv({ KITH_TRUSTED_PROXY_HOPS: "2", KITH_SIGN_IN_EMAILS_PER_HOUR: "50" });
    expect(env.KITH_TRUSTED_PROXY_HOPS).toBe(2);
    expect(env.KITH_SIGN_IN_EMAILS_PER_HOUR).toBe(50);
  });

  it("name the variable that is wrong", () => {
    expect(() => parseEnv({ KITH_TRUSTED_PROXY_HOPS: "one" })).toThrow(/KITH_TRUSTED_PROXY_HOPS: must be a whole number/);
    expect(() => parseEnv({ KITH_TRUSTED_PROXY_HOPS: "11" })).toThrow(/KITH_TRUSTED_PROXY_HOPS: must be at most 10/);
    expect(() => parseEnv({ KITH_SIGN_IN_EMAILS_PER_HOUR: "0" })).toThrow(/KITH_SIGN_IN_EMAILS_PER_HOUR/);
    expect(() => parseEnv({ KITH_SIGN_IN_EMAILS_PER_HOUR: "-5" })).toThrow(/KITH_SIGN_IN_EMAILS_PER_HOUR/);
  });
});
