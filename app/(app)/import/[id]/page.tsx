import { ArrowLeftIcon, DownloadIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ColumnMappingForm } from "@/components/import/column-mapping-form";
import { ConfirmImportForm } from "@/components/import/confirm-import-form";
import { ImportProgress } from "@/components/import/import-progress";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { listCircles } from "@/db/queries/circles";
import { getImport, getImportContent, type ImportRowView, listImportRows } from "@/db/queries/imports";
import { getUserSettings } from "@/db/queries/users";
import type { ImportCounts } from "@/db/schema";
import { currentUserId } from "@/lib/auth";
import { keepInTouchSummary } from "@/lib/domain/import";
import { readCsvHeader, suggestMapping } from "@/lib/import/mapped-csv";
import { IMPORT_SOURCE_LABELS } from "@/lib/import/parse";
import { ACTION_LABELS, describeChanges, describeRow } from "@/lib/import/report";
import { pageParamSchema } from "@/lib/validations/paging";

export const metadata: Metadata = { title: "Import" };

const PAGE_SIZE = 50;
const ACTIONS = ["create", "merge", "skip", "reject"] as const;
type Action = (typeof ACTIONS)[number];

const querySchema = z.object({
  show: z.enum(ACTIONS).catch("create"),
  page: pageParamSchema,
});

const ACTION_HELP: Record<Action, string> = {
  create: "New contacts.",
  merge: "Already in Kith: the new details are added, nothing you wrote is overwritten (LinkedIn updates jobs).",
  skip: "Already in Kith with nothing new.",
  reject: "Rows Kith cannot use, with the reason.",
};

export default async function ImportJobPage({ params, searchParams }: PageProps<"/import/[id]">) {
  const userId = await currentUserId();
  const { id } = await params;
  if (!userId || !z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const job = await getImport(db, { userId, importId: id });
  if (!job) notFound();
  const query = querySchema.parse(await searchParams);

  const header = (
    <>
      <Link
        href="/import"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        Import
      </Link>
      <PageHeader
        title={job.fileName}
        description={`${IMPORT_SOURCE_LABELS[job.source]}${job.totalRows !== null ? ` · ${job.totalRows.toLocaleString("en-GB")} rows` : ""}`}
      />
    </>
  );

  if (job.status === "mapping") {
    const { header: columns, sample } = readCsvHeader((await getImportContent(db, { userId, importId: id })) ?? "");
    return (
      <>
        {header}
        <h2 className="mb-2 text-lg font-semibold">What does each column hold?</h2>
        <p className="mb-4 text-sm text-muted-foreground">
          Kith guessed from the column titles. A column with no Kith field is kept with each contact as an extra
          field (and exported again), unless you choose not to import it.
        </p>
        <ColumnMappingForm importId={id} header={columns} sample={sample} suggested={suggestMapping(columns)} />
      </>
    );
  }
  if (job.status === "parsing" || job.status === "committing") {
    return (
      <>
        {header}
        <ImportProgress
          importId={id}
          initial={{ status: job.status, totalRows: job.totalRows, processedRows: job.processedRows }}
        />
      </>
    );
  }
  if (job.status === "failed") {
    return (
      <>
        {header}
        <div role="alert" className="mb-6 rounded-lg border border-destructive/50 p-4">
          <p className="font-medium">Kith could not read this file.</p>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {job.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
        <Button asChild>
          <Link href="/import">Try another file</Link>
        </Button>
      </>
    );
  }

  const counts: ImportCounts = job.counts ?? { create: 0, merge: 0, skip: 0, reject: 0 };
  const isDone = job.status === "done";
  const [rows, circles, settings] = await Promise.all([
    listImportRows(db, {
      userId,
      importId: id,
      action: query.show,
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
    }),
    isDone ? [] : listCircles(db, { userId }),
    getUserSettings(db, { userId }),
  ]);
  const defaultCadenceDays = settings?.defaultCadenceDays ?? 30;
  const keptInTouch =
    isDone && counts.create > 0 && job.contactTier !== null && job.remindersEnabled !== null
      ? { contactTier: job.contactTier, cadenceDays: job.cadenceDays, remindersEnabled: job.remindersEnabled }
      : null;
  const pages = Math.max(1, Math.ceil(counts[query.show] / PAGE_SIZE));
  const href = (show: Action, page = 1) => `/import/${id}?show=${show}${page > 1 ? `&page=${page}` : ""}`;

  return (
    <>
      {header}
      <section aria-labelledby="summary" className="mb-6">
        <h2 id="summary" className="mb-3 text-lg font-semibold">
          {isDone ? "Imported" : "Preview: nothing has changed yet"}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {ACTIONS.map((action) => (
            <div key={action} className="rounded-lg border p-3">
              <dt className="text-sm text-muted-foreground">{ACTION_LABELS[action][isDone ? "done" : "planned"]}</dt>
              <dd className="text-2xl font-semibold" data-testid={`count-${action}`}>
                {counts[action].toLocaleString("en-GB")}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-muted-foreground">
          Every row is accounted for: {counts.create + counts.merge + counts.skip + counts.reject} of{" "}
          {job.totalRows ?? 0} rows.
          {isDone && job.newRoles > 0 ? (
            <>
              {" "}
              {job.newRoles} {job.newRoles === 1 ? "contact has" : "contacts have"} a new role:{" "}
              <Link href="/dashboard" className="underline underline-offset-4">
                congratulate them
              </Link>
              .
            </>
          ) : null}
        </p>
        {keptInTouch ? (
          <p className="mt-2 text-sm" data-testid="keep-in-touch">
            New contacts: {keepInTouchSummary(keptInTouch, defaultCadenceDays)}
          </p>
        ) : null}
        {job.errors.length > 0 ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-muted-foreground">
            {job.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <a href={`/api/imports/${id}/report`}>
              <DownloadIcon aria-hidden="true" />
              Download the report
            </a>
          </Button>
          {isDone ? (
            <Button asChild>
              <Link href="/contacts">See your contacts</Link>
            </Button>
          ) : null}
        </div>
      </section>

      {!isDone ? (
        <section aria-labelledby="confirm" className="mb-8 rounded-lg border p-4">
          <h2 id="confirm" className="mb-3 text-lg font-semibold">
            Confirm
          </h2>
          <ConfirmImportForm
            importId={id}
            circles={circles}
            willCreate={counts.create}
            willMerge={counts.merge}
            defaultCadenceDays={defaultCadenceDays}
          />
        </section>
      ) : null}

      <section aria-labelledby="rows">
        <h2 id="rows" className="sr-only">
          Rows
        </h2>
        <nav aria-label="Rows by outcome" className="mb-3 flex flex-wrap gap-2">
          {ACTIONS.map((action) => (
            <Link
              key={action}
              href={href(action)}
              aria-current={query.show === action ? "page" : undefined}
              className="rounded-full border px-3 py-1 text-sm aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
            >
              {ACTION_LABELS[action][isDone ? "done" : "planned"]} ({counts[action]})
            </Link>
          ))}
        </nav>
        <p className="mb-3 text-sm text-muted-foreground">{ACTION_HELP[query.show]}</p>
        {rows.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">No rows here.</p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {rows.map((row) => (
              <RowItem key={row.row} row={row} />
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            {query.page > 1 ? <Link href={href(query.show, query.page - 1)}>← Previous</Link> : <span />}
            <span className="text-muted-foreground">
              Page {query.page} of {pages}
            </span>
            {query.page < pages ? <Link href={href(query.show, query.page + 1)}>Next →</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </>
  );
}

function RowItem({ row }: { row: ImportRowView }) {
  const contact = row.contact;
  const changes = describeChanges(row.changes);
  const newRole = row.changes?.newRole;
  return (
    <li className="p-3 text-sm" data-testid="import-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">
          <span className="mr-2 text-muted-foreground">Row {row.row}</span>
          {contact?.name ?? "—"}
          {contact?.company ? <span className="text-muted-foreground"> · {contact.company}</span> : null}
        </p>
        <p className="text-muted-foreground">{describeRow(row)}</p>
      </div>
      {row.action === "merge" && row.matchRow === null ? (
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <div className="rounded-md bg-muted/50 p-2">
            <p className="mb-1 text-xs font-medium uppercase text-muted-foreground">In Kith</p>
            <p>{row.matchName ?? "—"}</p>
            {newRole ? <p>{String(newRole.from)}</p> : null}
          </div>
          <div className="rounded-md bg-muted/50 p-2">
            <p className="mb-1 text-xs font-medium uppercase text-muted-foreground">In the file</p>
            {newRole ? <p className="font-medium">New role: {String(newRole.to)}</p> : null}
            <ul>
              {changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </li>
  );
}
