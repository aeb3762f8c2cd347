import { format } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getOutboxMessage } from "@/db/queries/outbox";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Outbox message" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK = /(https?:\/\/[^\s<>"]+)/g;

// Plain text with its links made clickable, so the sign-in link can be opened
// from here in the same browser.
function linkified(text: string) {
  return text.split(LINK).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="text-primary break-all underline underline-offset-4">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function OutboxMessagePage({ params }: PageProps<"/outbox/[id]">) {
  // The layout's check is not enough: a client-side navigation renders
  // the page without re-running its layout.
  if (!env().isOutboxReadable) notFound();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const message = await getOutboxMessage(await getDb(), { id });
  if (!message) notFound();
  return (
    <article className="space-y-6">
      <Link href="/outbox" className="text-muted-foreground text-sm underline underline-offset-4">
        ← All messages
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{message.subject}</h1>
        <dl className="text-muted-foreground grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt>From</dt>
          <dd>{message.from}</dd>
          <dt>To</dt>
          <dd>{message.to}</dd>
          <dt>Date</dt>
          <dd>{format(message.createdAt, "PPpp")}</dd>
        </dl>
      </header>
      <section aria-labelledby="text-version" className="space-y-2">
        <h2 id="text-version" className="text-sm font-medium">
          Text version
        </h2>
        <pre className="bg-muted/50 overflow-x-auto rounded-lg border p-4 font-sans text-sm whitespace-pre-wrap">
          {linkified(message.text)}
        </pre>
      </section>
      <section aria-labelledby="html-version" className="space-y-2">
        <h2 id="html-version" className="text-sm font-medium">
          HTML version
        </h2>
        <iframe
          title={`HTML version of “${message.subject}”`}
          srcDoc={message.html}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="h-[560px] w-full rounded-lg border bg-white"
        />
      </section>
    </article>
  );
}
