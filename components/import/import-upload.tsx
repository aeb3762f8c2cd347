"use client";

import { UploadIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FILE_SIZE_LIMIT_BYTES, fileTooLargeMessage, MAX_IMPORT_ROWS } from "@/lib/import/decode";

type State = { phase: "idle" } | { phase: "uploading"; percent: number } | { phase: "error"; message: string };

// Sends the file to POST /api/imports with the upload's progress, then opens
// the import, where reading it shows its own progress.
export function ImportUpload() {
  const router = useRouter();
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: "idle" });
  const [isDragging, setIsDragging] = useState(false);

  function upload(file: File) {
    if (file.size > FILE_SIZE_LIMIT_BYTES) {
      setState({ phase: "error", message: fileTooLargeMessage(file.size) });
      return;
    }
    const body = new FormData();
    body.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setState({ phase: "uploading", percent: Math.round((100 * event.loaded) / event.total) });
    };
    request.onload = () => {
      const response = request.response as { id?: string; error?: string } | null;
      if (request.status === 201 && response?.id) {
        router.push(`/import/${response.id}`);
        return;
      }
      setState({ phase: "error", message: response?.error ?? "The upload failed. Try again." });
    };
    request.onerror = () => setState({ phase: "error", message: "The upload failed: check your connection and try again." });
    setState({ phase: "uploading", percent: 0 });
    request.send(body);
  }

  const isUploading = state.phase === "uploading";
  return (
    <div className="flex flex-col gap-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsDragging(false);
          const file = event.dataTransfer.files[0];
          if (file && !isUploading) upload(file);
        }}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-8 text-center transition-colors ${
          isDragging ? "border-primary bg-accent" : "border-border"
        }`}
      >
        <UploadIcon aria-hidden="true" className="size-8 text-muted-foreground" />
        <label htmlFor={inputId} className="font-medium">
          Choose a file to import
        </label>
        <p className="text-sm text-muted-foreground">
          LinkedIn Connections.csv, Google Contacts CSV, vCard (.vcf) or any CSV, up to{" "}
          {FILE_SIZE_LIMIT_BYTES / 1024 / 1024} MB and {MAX_IMPORT_ROWS.toLocaleString("en-GB")} contacts. Or drop it here.
        </p>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard"
          className="sr-only"
          disabled={isUploading}
          aria-describedby={state.phase === "error" ? errorId : undefined}
          aria-invalid={state.phase === "error" || undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload(file);
            event.target.value = "";
          }}
        />
        <Button type="button" onClick={() => input.current?.click()} disabled={isUploading}>
          {isUploading ? "Uploading…" : "Choose file"}
        </Button>
      </div>
      {isUploading ? (
        <div
          role="progressbar"
          aria-label="Uploading"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={state.percent}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${state.percent}%` }} />
        </div>
      ) : null}
      {state.phase === "error" ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
