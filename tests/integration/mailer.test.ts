import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOutboxMessage, listOutboxMessages } from "@/db/queries/outbox";
import { MailError, outboxMailer, resendMailer } from "@/lib/email/mailer";
import { startRecordingServer } from "../helpers/recording-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const mail = { to: "ada@example.com", subject: "Hello", html: "<p>Hi</p>", text: "Hi" };

describe("outbox mailer", () => {
  it("stores the email and prints it to the log", async () => {
    const lines: string[] = [];
    const mailer = outboxMailer(t.db, { from: "Kith <kith@localhost>", log: (line) => lines.push(line) });
    const sent = await mailer.send({ ...mail, headers: { "List-Unsubscribe": "<https://kith.example/u>" } });
    expect(sent.via).toBe("outbox");
    const stored = await getOutboxMessage(t.db, { id: sent.id });
    expect(stored).toMatchObject({ ...mail, from: "Kith <kith@localhost>", headers: { "List-Unsubscribe": "<https://kith.example/u>" } });
    expect((await listOutboxMessages(t.db, { limit: 10 }))[0]?.id).toBe(sent.id);
    expect(lines.join("\n")).toContain("to ada@example.com: Hello");
  });
});

describe("resend mailer", () => {
  it("posts through the real SDK with the idempotency key and returns the provider id", async () => {
    const server = await startRecordingServer(() => ({ status: 200, body: { id: "re_msg_1" } }));
    try {
      const mailer = resendMailer({ apiKey: "re_key", baseUrl: server.url, from: "Kith <hi@kith.example>" });
      expect(await mailer.send(mail, { idempotencyKey: "digest/u1/2026-W48" })).toEqual({ id: "re_msg_1", via: "resend" });
      expect(server.requests[0]?.headers["idempotency-key"]).toBe("digest/u1/2026-W48");
      expect(server.requests[0]?.body).toMatchObject({ ...mail, from: "Kith <hi@kith.example>" });
    } finally {
      await server.close();
    }
  });

  it("turns a refusal into a MailError naming the provider's code", async () => {
    const server = await startRecordingServer(() => ({
      status: 429,
      body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
      headers: { "retry-after": "1" },
    }));
    try {
      const mailer = resendMailer({ apiKey: "re_key", baseUrl: server.url, from: "Kith <hi@kith.example>" });
      const sending = mailer.send(mail);
      await expect(sending).rejects.toBeInstanceOf(MailError);
      await expect(sending).rejects.toMatchObject({ code: "rate_limit_exceeded" });
    } finally {
      await server.close();
    }
  });
});

describe("batches", () => {
  it("stores a batch in the outbox, one message per email, ids in the emails' order", async () => {
    const mailer = outboxMailer(t.db, { from: "Kith <kith@localhost>", log: () => {} });
    const batch = ["one", "two", "three"].map((name) => ({ ...mail, to: `${name}@example.com` }));
    const sent = await mailer.sendBatch(batch, { idempotencyKey: "digest-1" });
    const stored = await Promise.all(sent.map(({ id }) => getOutboxMessage(t.db, { id })));
    expect(stored.map((message) => message?.to)).toEqual(["one@example.com", "two@example.com", "three@example.com"]);
  });

  it("posts a batch through the real SDK with its key, and reads a 429's retry-after", async () => {
    const server = await startRecordingServer((_request, index) =>
      index === 0
        ? { status: 200, body: { data: [{ id: "re_1" }, { id: "re_2" }] } }
        : {
            status: 429,
            body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
            headers: { "retry-after": "3" },
          },
    );
    try {
      const mailer = resendMailer({ apiKey: "re_key", baseUrl: server.url, from: "Kith <hi@kith.example>" });
      const batch = [mail, { ...mail, to: "grace@example.com" }];
      expect(await mailer.sendBatch(batch, { idempotencyKey: "digest-abc" })).toEqual([
        { id: "re_1", via: "resend" },
        { id: "re_2", via: "resend" },
      ]);
      expect(server.requests[0]).toMatchObject({ path: "/emails/batch", headers: { "idempotency-key": "digest-abc" } });
      expect(server.requests[0]?.body).toEqual(batch.map((email) => ({ from: "Kith <hi@kith.example>", ...email })));
      const refused = mailer.sendBatch(batch, { idempotencyKey: "digest-def" });
      await expect(refused).rejects.toMatchObject({ code: "rate_limit_exceeded", status: 429, retryAfterMs: 3000, isRetryable: true });
    } finally {
      await server.close();
    }
  });

  it("counts a provider that does not answer in time as a failure worth retrying", async () => {
    const server = await startRecordingServer(() => "hang");
    try {
      const mailer = resendMailer({ apiKey: "re_key", baseUrl: server.url, from: "Kith <hi@kith.example>", timeoutMs: 200 });
      await expect(mailer.sendBatch([mail], { idempotencyKey: "digest-x" })).rejects.toMatchObject({ status: null, isRetryable: true });
    } finally {
      await server.close();
    }
  });
});
