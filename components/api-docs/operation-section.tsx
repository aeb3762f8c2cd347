import { FieldTable } from "./field-table";
import type { OperationReference } from "./reference";

const ACCESS_WORDS = {
  read: "Read: any token",
  write: "Write: a read-and-write token",
} as const;

/** The anchor of an operation on the page, for the contents and for links from elsewhere. */
export const operationAnchor = (operationId: string) => `operation-${operationId}`;

// One operation: what it does, how to call it, and its inputs and answer as
// tables. The answer's fields fold away (no script needed), as they are the
// longest part and a reader looks them up rather than reads them through.
export function OperationSection({ operation }: { operation: OperationReference }) {
  const anchor = operationAnchor(operation.operationId);
  return (
    <article id={anchor} aria-labelledby={`${anchor}-title`} className="grid scroll-mt-6 grid-cols-1 gap-4 border-t pt-6">
      <div className="grid gap-2">
        <h3 id={`${anchor}-title`} className="text-lg font-semibold">
          {operation.summary}
        </h3>
        <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
          <span className="rounded-md border px-1.5 py-0.5 text-xs font-semibold">{operation.method}</span>
          <code className="break-all">/api/v1{operation.path}</code>
        </p>
        {operation.description ? <p className="text-sm">{operation.description}</p> : null}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">Access</dt>
        <dd>{ACCESS_WORDS[operation.scope]}</dd>
        <dt className="text-muted-foreground">Success</dt>
        <dd>
          <span className="font-mono">{operation.success.status}</span> {operation.success.description}
        </dd>
        <dt className="text-muted-foreground">Operation id</dt>
        <dd>
          <code className="font-mono">{operation.operationId}</code>
        </dd>
      </dl>
      {operation.parameters.length > 0 ? (
        <FieldTable id={`${anchor}-parameters`} caption="Parameters" rows={operation.parameters} />
      ) : null}
      {operation.body ? (
        <FieldTable id={`${anchor}-body`} caption="Body (JSON)" rows={operation.body} />
      ) : null}
      {operation.success.fields.length > 0 ? (
        <details className="rounded-lg border px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium">
            The answer&rsquo;s fields ({operation.success.status}, JSON)
          </summary>
          <div className="mt-3">
            <FieldTable
              id={`${anchor}-answer`}
              caption={`${operation.success.status} answer`}
              rows={operation.success.fields}
            />
          </div>
        </details>
      ) : null}
    </article>
  );
}
