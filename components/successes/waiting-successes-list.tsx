import Link from "next/link";
import { ExternalLinkIcon } from "lucide-react";

import { CongratulateButton } from "@/components/successes/congratulate-button";
import type { WaitingSuccess } from "@/lib/domain/successes";
import { SUCCESS_KIND_LABELS } from "@/lib/domain/enums";
import { formatDay } from "@/lib/domain/dates";

// Successes still waiting for a congratulation, each with its "Congratulate".
export function WaitingSuccessesList({ successes }: { successes: WaitingSuccess[] }) {
  return (
    <ul className="divide-y rounded-xl border bg-card">
      {successes.map((success) => (
        <li key={success.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="text-sm text-muted-foreground">
              <Link href={`/contacts/${success.contactId}`} className="font-medium text-foreground underline-offset-4 hover:underline">
                {success.contactName}
              </Link>
              {" · "}
              {SUCCESS_KIND_LABELS[success.kind]}
              {" · "}
              <time dateTime={success.occurredOn}>{formatDay(success.occurredOn)}</time>
            </p>
            <p className="mt-1 font-medium break-words">
              {success.url ? (
                <a
                  href={success.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
                >
                  {success.title}
                  <ExternalLinkIcon aria-hidden="true" className="size-3.5 shrink-0" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              ) : (
                success.title
              )}
            </p>
          </div>
          <CongratulateButton
            success={{ id: success.id, title: success.title }}
            contact={{ id: success.contactId, name: success.contactName }}
          />
        </li>
      ))}
    </ul>
  );
}
