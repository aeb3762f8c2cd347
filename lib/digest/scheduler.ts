import type { Db } from "@/db/client";
import { listDue } from "@/db/queries/digest-ledger";
import { getUserSettings } from "@/db/queries/users";
import { pruneStaleRecords } from "@/lib/auth/prune";
import { defaultMailer, type Mailer } from "@/lib/email/mailer";
import { composeDigest, composeDigests, renderStoredDigest, type StoredDigest } from "./compose";
import { appUrl, digestLinkKey } from "./links";
import { digestPeriod } from "./period";
import { type DigestPorts, type RunSummary, runDigestPass } from "./runner";

// The one code path behind the three ways the weekly digest runs: the
// in-process ticker (instrumentation.ts), GET /api/cron/digest, and
// `npm run digest`.
export async function runScheduledDigests(
  db: Db,
  options: {
    now?: Date;
    email?: string;
    mailer?: Mailer;
    log?: (line: string) => void;
    /** Where links point and what signs them; the app's own by default. */
    links?: { appUrl: string; key: Buffer };
  } = {},
): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const ports = digestPorts(db, { now, mailer: options.mailer ?? defaultMailer(db), links: options.links });
  const summary = await runDigestPass(db, ports, { now, email: options.email, log: options.log });
  // Housekeeping rides along on every pass: spent rate-limit windows and
  // sign-in links that were never opened, offline-capture keys past their days.
  const pruned = await pruneStaleRecords(db, { now });
  if (pruned.rateLimits > 0 || pruned.verificationTokens > 0 || pruned.idempotencyKeys > 0) {
    options.log?.(
      `pruned ${pruned.rateLimits} rate-limit windows, ${pruned.verificationTokens} expired sign-in tokens and ${pruned.idempotencyKeys} capture keys`,
    );
  }
  return summary;
}

// The real digest: composed from the database, rendered by React Email,
// sent by the mailer (the benchmark wraps these to time each part).
export function digestPorts(
  db: Db,
  options: { now: Date; mailer: Mailer; links?: { appUrl: string; key: Buffer } },
): DigestPorts {
  const links = { now: options.now, ...(options.links ?? { appUrl: appUrl(), key: digestLinkKey() }) };
  return {
    mailer: options.mailer,
    compose: async (claims) => {
      const digests = await composeDigests(db, claims, links);
      return digests.map((stored) => (stored ? { stored } : null));
    },
    render: (stored) => renderStoredDigest(stored as StoredDigest),
  };
}

export type DuePreview = { email: string; period: string; subject: string | null; reconnect: string[]; congratulate: string[] };

// What a pass would send now, changing nothing (the CLI's --dry-run).
export async function previewDueDigests(db: Db, options: { now?: Date; email?: string; limit?: number } = {}) {
  const now = options.now ?? new Date();
  const links = { now, appUrl: appUrl(), key: digestLinkKey() };
  const due = await listDue(db, { now, limit: options.limit ?? 1_000, email: options.email });
  const previews: DuePreview[] = [];
  for (const claim of due) {
    const stored = await composeDigest(db, claim, links);
    const mail = stored ? await renderStoredDigest(stored) : null;
    previews.push({
      email: claim.email,
      period: claim.period,
      subject: mail?.subject ?? null,
      reconnect: stored?.content.reconnect.map((contact) => contact.name) ?? [],
      congratulate: stored?.content.congratulate.map((success) => `${success.contactName}: ${success.title}`) ?? [],
    });
  }
  return previews;
}

// One user's digest as it would go out now, or null when there is nothing
// to say; claims and sends nothing (Settings → preview).
export async function previewDigestFor(db: Db, user: { userId: string; email: string; name: string | null }) {
  const now = new Date();
  const settings = await getUserSettings(db, { userId: user.userId });
  const period = digestPeriod(now, settings?.timeZone ?? null);
  const claim = { id: "", userId: user.userId, email: user.email, name: user.name, period, attempts: 0 };
  const stored = await composeDigest(db, claim, { now, appUrl: appUrl(), key: digestLinkKey() });
  return stored ? renderStoredDigest(stored) : null;
}
