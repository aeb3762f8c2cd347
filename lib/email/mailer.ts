import { Resend } from "resend";
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

export type Mailer = {
  from: string;
  send: (mail: Mail, options?: { idempotencyKey?: string }) => Promise<SentMail>;
};

export class MailError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "MailError";
  }
}

export function resendMailer(options: { apiKey: string; baseUrl?: string; from: string }): Mailer {
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
  };
}

export function outboxMailer(db: Db, options: { from: string; log?: (line: string) => void }): Mailer {
  const log = options.log ?? ((line: string) => console.info(line));
  return {
    from: options.from,
    async send(mail) {
      const [row] = await db
        .insert(outboxMessages)
        .values({ from: options.from, ...mail, headers: mail.headers ?? {} })
        .returning({ id: outboxMessages.id });
      if (!row) throw new MailError("outbox", "The outbox did not store the email");
      log(`[outbox] to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return { id: row.id, via: "outbox" };
    },
  };
}

// Real email when RESEND_API_KEY is set; otherwise the local outbox.
export function defaultMailer(db: Db): Mailer {
  const { RESEND_API_KEY, RESEND_BASE_URL, emailFrom } = env();
  return RESEND_API_KEY
    ? resendMailer({ apiKey: RESEND_API_KEY, baseUrl: RESEND_BASE_URL, from: emailFrom })
    : outboxMailer(db, { from: emailFrom });
}
