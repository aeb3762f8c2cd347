import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type OutboxMessagePage from "@/app/outbox/[id]/page";
import OutboxPage from "@/app/outbox/page";
import { defaultMailer } from "@/lib/email/mailer";
import { sendSignInEmail } from "@/lib/email/sign-in-email";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { createTestDb, type TestDb } from "../helpers/test-db";

// A production server that its operator deliberately runs with the outbox
// (KITH_OUTBOX=true is the only way one starts without RESEND_API_KEY), and
// the same pages on a server where the outbox is off.
vi.stubEnv("NODE_ENV", "production");
vi.stubEnv("AUTH_SECRET", "outbox-exposure-test-secret-0123456789abcdef");
vi.stubEnv("RESEND_API_KEY", "");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  vi.unstubAllEnvs();
  await t?.close();
});

const notFoundDigest = "NEXT_HTTP_ERROR_FALLBACK;404";

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("the outbox on a production server", () => {
  it("keeps sign-in links out of the logs, and each outbox page checks for itself", async () => {
    vi.resetModules();
    vi.stubEnv("KITH_OUTBOX", "true");
    const { env } = await import("@/lib/env");
    expect(env().isOutboxReadable).toBe(true);

    const logged: string[] = [];
    const info = vi.spyOn(console, "info").mockImplementation((...args: unknown[]) => {
      logged.push(args.join(" "));
    });
    try {
      await sendSignInEmail(defaultMailer(t.db), {
        to: "ada@example.com",
        callbackUrl: "https://kith.example/api/auth/callback/email?token=secret-token-123&email=ada%40example.com",
        expires: new Date(Date.now() + 3_600_000),
      });
    } finally {
      info.mockRestore();
    }
    expect(logged.join("\n")).toContain("to ada@example.com: Your Kith sign-in link");
    expect(logged.join("\n")).not.toContain("secret-token-123");

    const list = renderToStaticMarkup(await OutboxPage());
    expect(list).toContain("Your Kith sign-in link");
  });

  it("answers not found on every outbox page when the outbox is off, whatever the layout did", async () => {
    vi.resetModules();
    vi.stubEnv("KITH_OUTBOX", "false");
    vi.stubEnv("RESEND_API_KEY", "re_test_key");
    vi.stubEnv("EMAIL_FROM", "Kith <kith@kith.example>");
    const list = (await import("@/app/outbox/page")).default;
    const message = (await import("@/app/outbox/[id]/page")).default;
    const { env } = await import("@/lib/env");
    expect(env().isOutboxReadable).toBe(false);

    expect(await caught(() => list())).toMatchObject({ digest: notFoundDigest });
    const params = Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" });
    expect(await caught(() => message({ params } as Parameters<typeof OutboxMessagePage>[0]))).toMatchObject({
      digest: notFoundDigest,
    });
  });
});
