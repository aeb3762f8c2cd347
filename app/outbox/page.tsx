import { formatDistanceToNow } from "date-fns";
import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listOutboxMessages } from "@/db/queries/outbox";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  // The layout's check is not enough: a client-side navigation renders
  // the page without re-running its layout.
  if (!env().isOutboxReadable) notFound();
  const messages = await listOutboxMessages(await getDb(), { limit: 50 });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="text-muted-foreground mt-1 text-sm">
          With no email provider configured, Kith keeps every email here instead of sending it. Set
          RESEND_API_KEY to send real email.
        </p>
      </div>
      {messages.length === 0 ? (
        <EmptyState
          icon={<Inbox aria-hidden className="size-6" />}
          title="No email yet"
          description="Ask for a sign-in link and it will appear here."
          action={
            <Link href="/sign-in" className="underline underline-offset-4">
              Go to sign-in
            </Link>
          }
        />
      ) : (
        <ul className="divide-y rounded-lg border">
          {messages.map((message) => (
            <li key={message.id}>
              <Link
                href={`/outbox/${message.id}`}
                className="hover:bg-muted/50 focus-visible:bg-muted/50 flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <span className="font-medium">{message.subject}</span>
                <span className="text-muted-foreground text-sm">
                  to {message.to} · {formatDistanceToNow(message.createdAt, { addSuffix: true })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
