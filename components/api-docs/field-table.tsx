import type { FieldRow } from "./schema-fields";

type Row = FieldRow & { location?: "path" | "query" };

// One table of fields (parameters, a body, an answer). On a narrow screen it
// scrolls sideways inside its own frame, which takes focus so the keyboard
// can scroll it too, and is named by the table's caption.
export function FieldTable({ id, caption, rows }: { id: string; caption: string; rows: Row[] }) {
  const hasLocation = rows.some((row) => row.location);
  const captionId = `${id}-caption`;
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption id={captionId} className="px-3 pt-2 pb-1 text-left font-medium">
          {caption}
        </caption>
        <thead className="bg-muted/50">
          <tr className="border-b">
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            {hasLocation ? (
              <th scope="col" className="px-3 py-2 font-medium">
                In
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Required
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.location ?? ""}${row.name}`} className="border-b align-top last:border-0">
              <th scope="row" className="px-3 py-2 font-normal">
                <code className="font-mono text-[0.8125rem] whitespace-nowrap">{row.name}</code>
              </th>
              {hasLocation ? <td className="px-3 py-2">{row.location}</td> : null}
              <td className="px-3 py-2">
                {row.type}
                {row.values.length > 0 ? (
                  <span className="mt-1 flex flex-wrap gap-1">
                    {row.values.map((value) => (
                      <code key={value} className="rounded bg-muted px-1 font-mono text-xs">
                        {value}
                      </code>
                    ))}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{row.isRequired ? "Required" : "Optional"}</td>
              <td className="px-3 py-2 text-muted-foreground">{row.description || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
