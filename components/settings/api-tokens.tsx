import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { KeyRoundIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApiTokenListItem } from "@/lib/domain/api-tokens";
import { ApiTokenForm } from "./api-token-form";
import { ApiTokenRevokeButton } from "./api-token-revoke-button";

const Pill = ({ children, tone = "muted" }: { children: ReactNode; tone?: "muted" | "destructive" }) => (
  <span
    className={
      tone === "destructive"
        ? "rounded-full border border-destructive/50 px-2 py-0.5 text-xs font-medium text-destructive"
        : "rounded-full border px-2 py-0.5 text-xs text-muted-foreground"
    }
  >
    {children}
  </span>
);

function TokenRow({ token, timeZone, now }: { token: ApiTokenListItem; timeZone: string; now: Date }) {
  const day = (at: Date) => format(at, "d MMM yyyy", { in: tz(timeZone) });
  const moment = (at: Date) => format(at, "d MMM yyyy, HH:mm", { in: tz(timeZone) });
  const isExpired = token.expiresAt !== null && token.expiresAt <= now;
  const isActive = token.revokedAt === null && !isExpired;
  return (
    <li className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
      <div className="grid gap-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {token.name}
          <code className="font-mono text-xs text-muted-foreground">{token.prefix}…</code>
          <Pill>{token.scopes.includes("write") ? "Read and write" : "Read only"}</Pill>
          {token.revokedAt ? <Pill tone="destructive">Revoked</Pill> : isExpired ? <Pill tone="destructive">Expired</Pill> : null}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-muted-foreground">
          <dt>Created</dt>
          <dd>{day(token.createdAt)}</dd>
          <dt>Last used</dt>
          <dd>{token.lastUsedAt ? moment(token.lastUsedAt) : "Never used"}</dd>
          <dt>{isExpired ? "Expired" : "Expires"}</dt>
          <dd>{token.expiresAt ? day(token.expiresAt) : "Never"}</dd>
          {token.revokedAt ? (
            <>
              <dt>Revoked</dt>
              <dd>{moment(token.revokedAt)}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {isActive ? <ApiTokenRevokeButton token={token} /> : null}
    </li>
  );
}

// Settings' "API": personal access tokens for scripts and assistants.
export function ApiTokens({ tokens, timeZone, now }: { tokens: ApiTokenListItem[]; timeZone: string; now: Date }) {
  return (
    <Card asChild className="mt-10 max-w-2xl">
      <section aria-labelledby="api-tokens">
        <CardHeader>
          <CardTitle asChild>
            <h2 id="api-tokens">API</h2>
          </CardTitle>
          <CardDescription>
            Personal access tokens let your scripts and assistants use Kith as you. Send one as{" "}
            <code className="font-mono">Authorization: Bearer …</code>. A token is shown once; revoke it when you no
            longer need it.
          </CardDescription>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href="/settings/api" className="font-medium text-primary underline-offset-4 hover:underline">
              API reference
            </Link>
            <a href="/api/v1/openapi.json" className="font-medium text-primary underline-offset-4 hover:underline">
              OpenAPI document (JSON)
            </a>
          </p>
        </CardHeader>
        <CardContent className="grid gap-6">
          <ApiTokenForm />
          <div className="grid gap-3">
            <h3 className="text-sm font-semibold">Your tokens</h3>
            {tokens.length === 0 ? (
              <EmptyState
                icon={<KeyRoundIcon />}
                titleAs="h3"
                title="No tokens yet"
                description="Create one above when a script or an assistant needs to read or change your Kith."
                className="py-8"
              />
            ) : (
              <ul className="divide-y">
                {tokens.map((token) => (
                  <TokenRow key={token.id} token={token} timeZone={timeZone} now={now} />
                ))}
              </ul>
            )}
          </div>
        </CardContent>
      </section>
    </Card>
  );
}
