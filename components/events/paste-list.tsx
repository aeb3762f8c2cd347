"use client";

import { ClipboardPasteIcon } from "lucide-react";
import { useState } from "react";
import { Textarea } from "@/components/ui/textarea";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { type ParsedRow, type PasteProblem, parsePastedPeople } from "@/lib/events/paste-parser";

const ID = "paste-list";

// Turns pasted lines into form rows. Lines that cannot be read stay in the
// box, each with its reason, so the person can fix them and try again.
export function PasteList({ onRows }: { onRows: (rows: ParsedRow[]) => void }) {
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<PasteProblem[]>([]);
  const [status, setStatus] = useState("");

  function turnIntoRows() {
    const { rows, problems: found } = parsePastedPeople(text);
    if (rows.length === 0 && found.length === 0) {
      setStatus("Paste one person per line first.");
      return;
    }
    if (rows.length > 0) onRows(rows);
    setProblems(found);
    setText(found.map((problem) => problem.text).join("\n"));
    const added = rows.length === 1 ? "Added 1 row below." : `Added ${rows.length} rows below.`;
    const left =
      found.length === 0 ? "" : found.length === 1 ? " 1 line needs a fix." : ` ${found.length} lines need a fix.`;
    setStatus(`${rows.length > 0 ? added : "No rows added."}${left}`);
  }

  return (
    <details className="group rounded-lg border">
      <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 text-sm font-medium">
        <ClipboardPasteIcon aria-hidden="true" className="size-4" />
        Paste a list
      </summary>
      <div className="grid gap-3 border-t px-4 py-4">
        <FormField
          id={ID}
          label="One person per line"
          description={
            <>
              Like <code>Ada Lovelace, Analytical Engines, ada@example.com</code> or{" "}
              <code>Grace Hopper &lt;grace@navy.mil&gt;</code>. Columns copied from a spreadsheet work too: name,
              company, role, email. You can check every row before saving.
            </>
          }
        >
          <Textarea
            id={ID}
            rows={5}
            value={text}
            spellCheck={false}
            aria-describedby={`${ID}-description${problems.length > 0 ? ` ${ID}-problems` : ""}`}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                turnIntoRows();
              }
            }}
          />
        </FormField>
        {problems.length > 0 ? (
          <div id={`${ID}-problems`} className="text-sm">
            <p className="font-medium">These lines were not turned into rows:</p>
            <ul className="mt-1 grid gap-1">
              {problems.map((problem) => (
                <li key={problem.line} className="text-muted-foreground">
                  <span className="break-all text-foreground">“{problem.text}”</span>: {problem.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" onClick={turnIntoRows}>
            Turn into rows
          </Button>
          <p role="status" className="text-sm text-muted-foreground">
            {status}
          </p>
        </div>
      </div>
    </details>
  );
}
