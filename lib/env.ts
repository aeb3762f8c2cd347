import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value === "true" || value === "1"));

const envSchema = z
  .object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  KITH_DATA_DIR: optionalString,
  // Read by Auth.js itself; validated here so a typo fails at start.
  AUTH_URL: optionalString.pipe(z.url().optional()),
  AUTH_TRUST_HOST: flag,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
  EMAIL_FROM: optionalString,
  KITH_OUTBOX: flag,
  // Only `npm run bench:dashboard` sets it, for its own server (app/(app)/bench-floor).
  KITH_BENCH_PAGES: flag,
  // The bearer token GET /api/cron/digest requires; without it the route is off.
  CRON_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // How often each server process runs a digest pass; 0 turns the in-process scheduler off.
  KITH_DIGEST_INTERVAL_MINUTES: optionalString
    .pipe(z.string().regex(/^\d+$/, "must be a whole number of minutes").optional())
    .transform((value) => (value === undefined ? 5 : Number(value)))
    .pipe(z.number().max(1440, "must be at most 1440 (a day)")),
  // How many proxies in front of Kith append to X-Forwarded-For; 0 trusts no
  // header and uses the connection's own address (lib/http/client-address.ts).
  KITH_TRUSTED_PROXY_HOPS: optionalString
    .pipe(z.string().regex(/^\d+$/, "must be a whole number of proxies").optional())
    .transform((value) => (value === undefined ? 0 : Number(value)))
    .pipe(z.number().max(10, "must be at most 10")),
  // Every sign-in email Kith sends in an hour, whoever asks (lib/auth/rate-limit.ts).
  KITH_SIGN_IN_EMAILS_PER_HOUR: optionalString
    .pipe(z.string().regex(/^[1-9]\d*$/, "must be a whole number of emails, at least 1").optional())
    .transform((value) => (value === undefined ? 500 : Number(value))),
})
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && !value.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (generate one with `openssl rand -base64 32`)",
      });
    }
    // Without a provider every email, sign-in links included, would sit in
    // the outbox table: a server for many people must send real email, and
    // only a deliberate single-person install keeps the outbox.
    if (value.NODE_ENV === "production" && !value.RESEND_API_KEY && value.KITH_OUTBOX !== true) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message:
          "is required in production, so sign-in links reach people's inboxes; for a single-person install on your own machine set KITH_OUTBOX=true instead",
      });
    }
    if (value.RESEND_API_KEY && !value.EMAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_FROM"],
        message: "is required with RESEND_API_KEY: a sender on a domain verified in Resend",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & {
  dataDir: string;
  emailFrom: string;
  isOutboxReadable: boolean;
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Kith cannot start: invalid environment variables\n${problems}`);
  }
  const parsed = result.data;
  return {
    ...parsed,
    dataDir: path.resolve(/*turbopackIgnore: true*/ parsed.KITH_DATA_DIR ?? ".data"),
    emailFrom: parsed.EMAIL_FROM ?? "Kith <kith@localhost>",
    // The outbox shows every sign-in link, so a production server shows it
    // only when its operator asks for it.
    isOutboxReadable: parsed.KITH_OUTBOX ?? parsed.NODE_ENV !== "production",
  };
}

let cached: Env | undefined;

// Parsed on first use, not at import: `next build` imports modules without the
// runtime environment.
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
