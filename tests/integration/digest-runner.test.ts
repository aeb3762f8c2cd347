import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Claim } from "@/db/queries/digest-ledger";
import { claimDue, formBatch } from "@/db/queries/digest-ledger";
import { digestDeliveries, users } from "@/db/schema";
import { batchKeyOf, type DigestPorts, runDigestPass } from "@/lib/digest/runner";
import { type Mail, type Mailer, resendMailer } from "@/lib/email/mailer";
import { createUser } from "../factories";
import { startRecordingServer, type RecordedRequest, type Reply } from "../helpers/recording-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

// A Wednesday, 10:00 UTC. Users below choose Monday 08:00 unless a test says otherwise.
const NOW = new Date("2026-11-25T10:00:00Z");
const HOUR = 3_600_000;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

// A fake Resend behind the real SDK: it answers per the test's script, and
// like Resend it treats a repeated Idempotency-Key as the same request
// (delivering nothing again). `delivered` counts what reached inboxes.
type Provider = Awaited<ReturnType<typeof startRecordingServer>> & {
  /** Emails that reached each inbox. */
  delivered: Map<string, number>;
  mailer: Mailer;
};
const providers: Provider[] = [];
afterEach(async () => {
  for (const provider of providers.splice(0)) await provider.close();
});
// Each test starts with nobody due: whoever a test made due, even one that
// failed halfway, is switched off after it, so one failure stays one failure.
afterEach(async () => {
  await t.db.update(users).set({ digestEnabled: false });
});

async function startProvider(
  script: (request: RecordedRequest, index: number) => Reply | "accept" | "accept-then-hang",
  // Short where a test makes the provider hang; long enough otherwise that a
  // busy test process never times out a request that was answered.
  timeoutMs = 10_000,
): Promise<Provider> {
  const delivered = new Map<string, number>();
  const answered = new Map<string, Reply>();
  let next = 0;
  const server = await startRecordingServer((request, index) => {
    const key = String(request.headers["idempotency-key"] ?? "");
    const previous = answered.get(key);
    if (previous) return previous;
    const step = script(request, index);
    if (step !== "accept" && step !== "accept-then-hang") return step;
    const emails = request.body as { to: string }[];
    for (const email of emails) delivered.set(email.to, (delivered.get(email.to) ?? 0) + 1);
    const reply: Reply = { status: 200, body: { data: emails.map(() => ({ id: `re_${(next += 1)}` })) } };
    answered.set(key, reply);
    return step === "accept" ? reply : "hang";
  });
  const provider: Provider = { ...server, delivered, mailer: resendMailer({ apiKey: "re_test", baseUrl: server.url, from: "Kith <digest@kith.example>", timeoutMs }) };
  providers.push(provider);
  return provider;
}

// The digest's content is not under test here (lib/digest/compose has its
// own tests): one line per user, rendered the same way every time.
function ports(provider: Provider, options: { isEmpty?: (claim: Claim) => boolean } = {}): DigestPorts {
  return {
    mailer: provider.mailer,
    compose: async (claims) =>
      claims.map((claim) => (options.isEmpty?.(claim) ? null : { stored: { to: claim.email, period: claim.period } })),
    render: async (stored) => {
      const { to, period } = stored as { to: string; period: string };
      const mail: Mail = { to, subject: `Your week ${period}`, html: `<p>${period}</p>`, text: period };
      return mail;
    },
  };
}

const noSleep = async () => {};

async function dueUsers(count: number, values: Partial<typeof users.$inferInsert> = {}) {
  const made = [];
  for (let index = 0; index < count; index += 1) {
    made.push(await createUser(t.db, { timeZone: "Europe/Berlin", digestWeekday: 1, digestHour: 8, ...values }));
  }
  return made;
}

async function ledger(userIds: string[]) {
  return t.db.select().from(digestDeliveries).where(inArray(digestDeliveries.userId, userIds));
}

describe("runDigestPass", () => {
  it("sends each due user exactly one digest when two runners start together, in full batches", async () => {
    const due = await dueUsers(230);
    const notYet = await dueUsers(3, { digestWeekday: 5 });
    const off = await dueUsers(3, { digestEnabled: false });
    const provider = await startProvider(() => "accept");
    const run = () => runDigestPass(t.db, ports(provider), { now: NOW, sleep: noSleep });
    const [first, second] = await Promise.all([run(), run()]);

    for (const user of due) expect(provider.delivered.get(user.email), user.email).toBe(1);
    for (const user of [...notYet, ...off]) expect(provider.delivered.has(user.email)).toBe(false);
    expect(first.sent + second.sent).toBe(230);
    expect(first.claimed + second.claimed).toBe(230);
    // No recipient is in two requests, and no request holds more than 100.
    const recipients = provider.requests.flatMap((request) => (request.body as { to: string }[]).map((email) => email.to));
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(Math.max(...provider.requests.map((request) => (request.body as unknown[]).length))).toBeLessThanOrEqual(100);
    const rows = await ledger(due.map((user) => user.id));
    expect(rows.every((row) => row.status === "sent" && row.providerMessageId?.startsWith("re_") && row.period === "2026-W48")).toBe(true);

    // A second pass in the same week sends nothing.
    const again = await run();
    expect(again.claimed).toBe(0);
    expect(provider.requests.length).toBe(new Set(provider.requests.map((request) => request.headers["idempotency-key"])).size);
  });

  it("fills every batch but the last", async () => {
    await dueUsers(205);
    const provider = await startProvider(() => "accept");
    const summary = await runDigestPass(t.db, ports(provider), { now: NOW, sleep: noSleep });
    expect(summary.batches).toEqual([100, 100, 5]);
  });

  it("finishes a batch whose runner died after forming it, and sends nothing twice", async () => {
    const due = await dueUsers(3);
    const provider = await startProvider(() => "accept");
    // The first runner claims and forms its batch, then dies before sending.
    const claims = await claimDue(t.db, { now: NOW, leaseMs: HOUR, limit: 100 });
    expect(claims.map((claim) => claim.userId).sort()).toEqual(due.map((user) => user.id).sort());
    const batchKey = batchKeyOf(claims.map((claim) => claim.id));
    await formBatch(t.db, { batchKey, rows: claims.map((claim) => ({ id: claim.id, content: { to: claim.email, period: claim.period } })) });

    // While its claim lasts, nobody else takes the work.
    expect((await runDigestPass(t.db, ports(provider), { now: NOW, sleep: noSleep })).sent).toBe(0);
    // Once it has expired, the next runner sends that very batch.
    const later = new Date(NOW.getTime() + HOUR + 1);
    expect((await runDigestPass(t.db, ports(provider), { now: later, sleep: noSleep })).sent).toBe(3);
    expect(provider.requests[0]?.headers["idempotency-key"]).toBe(batchKey);
    for (const user of due) expect(provider.delivered.get(user.email)).toBe(1);
  });

  it("resends a batch the provider took but never answered with the same key and emails, so nobody gets it twice", async () => {
    const due = await dueUsers(4);
    const provider = await startProvider((_request, index) => (index === 0 ? "accept-then-hang" : "accept"), 300);
    const first = await runDigestPass(t.db, ports(provider), { now: NOW, sleep: noSleep, maxTries: 1 });
    expect(first.failed).toBe(4);
    const retried = await runDigestPass(t.db, ports(provider), { now: new Date(NOW.getTime() + 10 * HOUR), sleep: noSleep });
    expect(retried.sent).toBe(4);
    const [took, again] = provider.requests;
    expect(again?.headers["idempotency-key"]).toBe(took?.headers["idempotency-key"]);
    expect(again?.body).toEqual(took?.body);
    for (const user of due) expect(provider.delivered.get(user.email)).toBe(1);
  });

  it("rides out a storm of 429s, 500s and silence, and every due user ends with exactly one email", async () => {
    const due = await dueUsers(150);
    const waits: number[] = [];
    const storm: Reply[] = [
      { status: 429, headers: { "retry-after": "2" }, body: { name: "rate_limit_exceeded", message: "slow down", statusCode: 429 } },
      { status: 500, body: { name: "internal_server_error", message: "oops", statusCode: 500 } },
      "hang",
    ];
    const provider = await startProvider(
      (_request, index) => (index < 9 ? (storm[index % 3] as Reply) : index % 4 === 0 ? "accept-then-hang" : "accept"),
      1_000,
    );
    let now = NOW;
    for (let pass = 0; pass < 12; pass += 1) {
      await runDigestPass(t.db, ports(provider), { now, sleep: async (ms) => void waits.push(ms), maxTries: 3 });
      now = new Date(now.getTime() + 6 * HOUR);
    }
    for (const user of due) expect(provider.delivered.get(user.email), user.email).toBe(1);
    expect(waits).toContain(2_000);
    const rows = await ledger(due.map((user) => user.id));
    expect(rows.every((row) => row.status === "sent")).toBe(true);
  });

  it("skips a user with nothing to say, and gives up on a batch the provider refuses outright", async () => {
    const [quiet, refused] = await dueUsers(2);
    if (!quiet || !refused) throw new Error("no users");
    const provider = await startProvider(() => ({ status: 422, body: { name: "validation_error", message: "bad from", statusCode: 422 } }));
    const summary = await runDigestPass(t.db, ports(provider, { isEmpty: (claim) => claim.userId === quiet.id }), { now: NOW, sleep: noSleep });
    expect(summary).toMatchObject({ claimed: 2, skipped: 1, failed: 1, sent: 0 });
    expect(provider.requests).toHaveLength(1);
    const rows = await ledger([quiet.id, refused.id]);
    expect(rows.find((row) => row.userId === quiet.id)?.status).toBe("skipped");
    expect(rows.find((row) => row.userId === refused.id)).toMatchObject({ status: "failed", nextAttemptAt: null });
    const later = await runDigestPass(t.db, ports(provider), { now: new Date(NOW.getTime() + 48 * HOUR), sleep: noSleep });
    expect(later.claimed + later.sent + later.failed).toBe(0);
  });

  it("stops as soon as the user unsubscribes, and sends only the user asked for", async () => {
    const [gone, other, asked] = await dueUsers(3);
    if (!gone || !other || !asked) throw new Error("no users");
    await t.db.update(users).set({ digestEnabled: false }).where(eq(users.id, gone.id));
    const provider = await startProvider(() => "accept");
    await runDigestPass(t.db, ports(provider), { now: NOW, sleep: noSleep, email: asked.email.toUpperCase() });
    expect([...provider.delivered.keys()]).toEqual([asked.email]);
    await runDigestPass(t.db, ports(provider), { now: NOW, sleep: noSleep });
    expect(provider.delivered.has(gone.email)).toBe(false);
    expect(provider.delivered.get(other.email)).toBe(1);
  });

  it("sends once a week through DST changes and a move across the date line, never twice in a period", async () => {
    // Sunday 02:00 in Berlin: the hour DST skips on 29 March 2026.
    const [user] = await dueUsers(1, { timeZone: "Europe/Berlin", digestWeekday: 7, digestHour: 2 });
    if (!user) throw new Error("no user");
    const provider = await startProvider(() => "accept");
    // Each email's subject names its period (see ports()).
    const sends: { period: string; at: Date }[] = [];
    let now = new Date("2026-03-16T00:00:00Z");
    const end = new Date("2026-04-13T00:00:00Z");
    for (; now < end; now = new Date(now.getTime() + HOUR)) {
      // In the third week the user moves to Kiritimati (UTC+14), on its Monday already.
      if (now.getTime() === Date.parse("2026-03-29T12:00:00Z")) {
        await t.db.update(users).set({ timeZone: "Pacific/Kiritimati" }).where(eq(users.id, user.id));
      }
      const before = provider.requests.length;
      await runDigestPass(t.db, ports(provider), { now, sleep: noSleep });
      // Only this user's emails count.
      for (const request of provider.requests.slice(before)) {
        for (const email of request.body as { to: string; subject: string }[]) {
          if (email.to === user.email) sends.push({ period: email.subject, at: now });
        }
      }
    }
    expect(provider.delivered.get(user.email)).toBe(sends.length);
    expect(sends.map((send) => send.period)).toEqual([
      "Your week 2026-W12",
      "Your week 2026-W13",
      "Your week 2026-W14",
      "Your week 2026-W15",
    ]);
    // 02:00 on 22 March is 01:00 UTC; on 29 March 02:00 does not exist and 03:00 CEST is 01:00 UTC.
    expect(sends[0]?.at.toISOString()).toBe("2026-03-22T01:00:00.000Z");
    expect(sends[1]?.at.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // Then Sunday 02:00 in Kiritimati is Saturday 12:00 UTC.
    expect(sends[2]?.at.toISOString()).toBe("2026-04-04T12:00:00.000Z");
  });
});
