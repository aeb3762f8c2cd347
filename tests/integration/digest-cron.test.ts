import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/cron/digest/route";
import { insertTouch } from "@/db/queries/touches-write";
import { digestDeliveries, outboxMessages } from "@/db/schema";
import { previewDigestFor } from "@/lib/digest/scheduler";
import { createContact, createUser } from "../factories";
import { releaseAppDb, useAsAppDb } from "../helpers/app-db";
import { createTestDb, type TestDb } from "../helpers/test-db";

// As on a serverless host: the cron calls the route with the bearer secret,
// and without RESEND_API_KEY the digests land in the outbox.
const CRON_SECRET = "cron-secret-for-the-digest-route-test";
vi.stubEnv("CRON_SECRET", CRON_SECRET);
vi.stubEnv("AUTH_SECRET", "digest-cron-integration-test-secret-0123456789");
vi.stubEnv("RESEND_API_KEY", "");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  // The route's getDb() returns the process's one connection: this one.
  useAsAppDb(t);
});
afterAll(async () => {
  releaseAppDb();
  vi.unstubAllEnvs();
  await t?.close();
});

const call = (authorization?: string) =>
  GET(new Request("http://localhost/api/cron/digest", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/digest, and the settings preview", () => {
  it("refuses a missing or wrong secret, and with the right one sends the due digests once", async () => {
    // Due every day of the week: the chosen time is Monday 00:00.
    const user = await createUser(t.db, { timeZone: "UTC", digestWeekday: 1, digestHour: 0 });
    const contact = await createContact(t.db, { userId: user.id, createdAt: new Date("2025-01-01T00:00:00Z") });
    await t.db.transaction((tx) =>
      insertTouch(tx, {
        userId: user.id,
        touch: { occurredAt: new Date(Date.now() - 100 * 86_400_000), channel: "call", contactIds: [contact.id] },
      }),
    );
    const inbox = () => t.db.select().from(outboxMessages).where(eq(outboxMessages.to, user.email));

    // Settings' preview shows the same digest, and sends and claims nothing.
    const preview = await previewDigestFor(t.db, { userId: user.id, email: user.email, name: user.name });
    expect(preview?.subject).toBe("1 person to reconnect with");
    expect(preview?.html).toContain(contact.name);
    expect(await t.db.select().from(digestDeliveries).where(eq(digestDeliveries.userId, user.id))).toHaveLength(0);

    expect((await call()).status).toBe(401);
    expect((await call(`Bearer ${CRON_SECRET}x`)).status).toBe(401);
    expect(await inbox()).toHaveLength(0);

    const response = await call(`Bearer ${CRON_SECRET}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ sent: 1 });
    const [digest] = await inbox();
    expect(digest?.subject).toBe("1 person to reconnect with");
    expect(digest?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    expect(await (await call(`Bearer ${CRON_SECRET}`)).json()).toMatchObject({ claimed: 0, sent: 0 });
    expect(await inbox()).toHaveLength(1);
  });
});
