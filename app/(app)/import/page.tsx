import { DownloadIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportUpload } from "@/components/import/import-upload";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listImports } from "@/db/queries/imports";
import { currentUserId } from "@/lib/auth";
import { SHARE_NOTICES } from "@/lib/capture/share";
import { formatDay } from "@/lib/domain/dates";
import { IMPORT_SOURCE_LABELS } from "@/lib/import/parse";

export const metadata: Metadata = { title: "Import contacts" };

const STATUS_LABELS = {
  mapping: "Waiting for its columns",
  parsing: "Reading",
  ready: "Ready to confirm",
  committing: "Importing",
  done: "Imported",
  failed: "Could not be read",
} as const;

// Why a file shared from another app (/share) was not imported.
function shareNotice(value: string | string[] | undefined): string | null {
  return typeof value === "string" && Object.hasOwn(SHARE_NOTICES, value) ? SHARE_NOTICES[value as keyof typeof SHARE_NOTICES] : null;
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const recent = await listImports(await getDb(), { userId, limit: 10 });
  const notice = shareNotice((await searchParams).share);

  return (
    <>
      <PageHeader
        title="Import contacts"
        description="Bring in the people you already know. You see exactly what will happen before anything changes."
      />
      <div className="flex flex-col gap-8">
        {notice ? (
          <p role="alert" className="rounded-lg border border-destructive/40 p-4 text-sm">
            {notice}
          </p>
        ) : null}
        <ImportUpload />
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2>Where to get your file</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm text-muted-foreground">
            <p>
              <strong className="text-foreground">LinkedIn:</strong> Settings → Data privacy → Get a copy of your data →
              Connections. Import it again whenever you like: Kith notices who changed jobs and reminds you to
              congratulate them.
            </p>
            <p>
              <strong className="text-foreground">Google Contacts:</strong> Export → Google CSV.{" "}
              <strong className="text-foreground">Apple Contacts, Outlook, phones:</strong> export as vCard (.vcf).
            </p>
            <p>Any other CSV works too: you choose what each column holds. Files up to 20 MB.</p>
          </CardContent>
        </Card>
        {recent.length > 0 ? (
          <section aria-labelledby="recent-imports">
            <h2 id="recent-imports" className="mb-3 text-lg font-semibold">
              Recent imports
            </h2>
            <ul className="divide-y rounded-lg border">
              {recent.map((job) => (
                <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                  <Link href={`/import/${job.id}`} className="font-medium underline-offset-4 hover:underline">
                    {job.fileName}
                  </Link>
                  <span className="text-muted-foreground">
                    {IMPORT_SOURCE_LABELS[job.source]} · {formatDay(job.createdAt)} ·{" "}
                    {STATUS_LABELS[job.status]}
                    {job.totalRows !== null ? ` · ${job.totalRows.toLocaleString("en-GB")} rows` : ""}
                  </span>
                  {job.status === "done" ? (
                    <a
                      href={`/api/imports/${job.id}/report`}
                      className="inline-flex items-center gap-1 text-muted-foreground underline-offset-4 hover:underline"
                    >
                      <DownloadIcon aria-hidden="true" className="size-4" />
                      Report
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
