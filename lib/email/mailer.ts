import { type CreateBatchRequestOptions, Resend } from "resend";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";

export type Mail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

export type SentMail = { id: string; via: "resend" | "outbox" };

export type BatchOptions = {
  /** The same key with the same emails is sent once (Resend keeps keys 24 h). */
  idempotencyKey: string;
};

export type Mailer = {
  from: string;
  send: (mail: Mail, options?: { idempotencyKey?: string }) => Promise<SentMail>;
  /** Up to 100 emails in one request; the ids come back in the emails' order. */
  sendBatch: (mails: Mail[], options: BatchOptions) => Promise<SentMail[]>;
};

export const BATCH_LIMIT = 100;
const DEFAULT_TIMEOUT_MS = 30_000;

export class MailError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The provider's HTTP status; null when it could not be reached. */
    readonly status: number | null = null,
    /** From a 429's retry-after header. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "MailError";
  }

  /** Worth trying again later: rate limits, the provider's own errors, no answer. */
  get isRetryable(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}

function retryAfterMs(headers: Record<string, string> | null): number | null {
  const value = headers?.["retry-after"];
  if (value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

export function resendMailer(options: {
  apiKey: string;
  baseUrl?: string;
  from: string;
  /** How long a batch may wait for an answer before it counts as failed (and is retried). */
  timeoutMs?: number;
}): Mailer {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    from: options.from,
    async send(mail, sendOptions) {
      // The SDK never throws: a refusal or a network failure comes back as `error`.
      const { data, error } = await resend.emails.send(
        { from: options.from, ...mail },
        sendOptions?.idempotencyKey ? { idempotencyKey: sendOptions.idempotencyKey } : undefined,
      );
      if (error || !data) {
        throw new MailError(error?.name ?? "unknown", `Resend refused the email: ${error?.message ?? "no data"}`);
      }
      return { id: data.id, via: "resend" };
    },
    async sendBatch(mails, batchOptions) {
      if (mails.length === 0) return [];
      if (mails.length > BATCH_LIMIT) throw new Error(`sendBatch takes at most ${BATCH_LIMIT} emails`);
      // The SDK spreads its request options into fetch's, so the signal
      // reaches fetch; an abort comes back as an error without a status.
      const requestOptions: CreateBatchRequestOptions & { signal: AbortSignal } = {
        idempotencyKey: batchOptions.idempotencyKey,
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      };
      const { data, error, headers } = await resend.batch.send(
        mails.map((mail) => ({ from: options.from, ...mail })),
        requestOptions,
      );
      if (error || !data) {
        throw new MailError(
          error?.name ?? "unknown",
          `Resend refused the batch: ${error?.message ?? "no data"}`,
          error?.statusCode ?? null,
          retryAfterMs(headers),
        );
      }
      if (data.data.length !== mails.length) {
        throw new MailError("application_error", `Resend answered ${data.data.length} ids for ${mails.length} emails`);
      }
      return data.data.map(({ id }) => ({ id, via: "resend" as const }));
    },
  };
}

export function outboxMailer(
  db: Db,
  options: {
    from: string;
    log?: (line: string) => void;
    /** Print each email's text too: handy on a laptop, never in production, where it holds sign-in links. */
    logsText?: boolean;
  },
): Mailer {
  const log = options.log ?? ((line: string) => console.info(line));
  return {
    from: options.from,
    async send(mail) {
      const [row] = await db
        .insert(outboxMessages)
        .values({ from: options.from, ...mail, headers: mail.headers ?? {} })
        .returning({ id: outboxMessages.id });
      if (!row) throw new MailError("outbox", "The outbox did not store the email");
      log(`[outbox] to ${mail.to}: ${mail.subject}${options.logsText ? `\n${mail.text}` : ""}`);
      return { id: row.id, via: "outbox" };
    },
    async sendBatch(mails) {
      if (mails.length === 0) return [];
      const rows = await db
        .insert(outboxMessages)
        .values(mails.map((mail) => ({ from: options.from, ...mail, headers: mail.headers ?? {} })))
        .returning({ id: outboxMessages.id });
      for (const mail of mails) log(`[outbox] to ${mail.to}: ${mail.subject}`);
      return rows.map(({ id }) => ({ id, via: "outbox" as const }));
    },
  };
}

// Real email when RESEND_API_KEY is set; otherwise the local outbox.
export function defaultMailer(db: Db): Mailer {
  const { RESEND_API_KEY, RESEND_BASE_URL, emailFrom, NODE_ENV } = env();
  return RESEND_API_KEY
    ? resendMailer({ apiKey: RESEND_API_KEY, baseUrl: RESEND_BASE_URL, from: emailFrom })
    : outboxMailer(db, { from: emailFrom, logsText: NODE_ENV !== "production" });
}
