"use client";

import { CloudOffIcon } from "lucide-react";
import { lazy, Suspense } from "react";

import { useCaptureQueue } from "@/components/capture/capture-queue-provider";
import { Button } from "@/components/ui/button";
import { useDialogOnIntent } from "@/components/ui/use-dialog-on-intent";
import { cn } from "@/lib/utils";

// The queue's sheet (a Radix dialog, its list and the discard confirmation)
// is not part of a page's first load: it is fetched when a pointer or focus
// reaches the summary, or at the latest when the sheet opens. The service
// worker precaches it with the rest of the build, so it opens offline too.
const loadSheet = () => import("@/components/capture/capture-queue-sheet");
const CaptureQueueSheet = lazy(() => loadSheet().then((module) => ({ default: module.CaptureQueueSheet })));
const preloadSheet = () => void loadSheet();

function summary(waiting: number, refused: number): string {
  const parts = [
    waiting > 0 ? `${waiting} waiting to sync` : null,
    refused > 0 ? `${refused} ${refused === 1 ? "needs" : "need"} your attention` : null,
  ].filter((part) => part !== null);
  return parts.join(", ");
}

// Offline, and what waits on this device: a bar across the top of every
// signed-in page (in the page's flow, so it covers neither the header nor a
// toast), and the queue itself one tap away.
export function CaptureQueueStatus() {
  const { entries, isOnline, isSyncing } = useCaptureQueue();
  const { isOpen, setIsOpen, hasOpened, returnFocus, buttonProps } = useDialogOnIntent(preloadSheet);
  const refused = entries.filter((entry) => entry.problem).length;
  const waiting = entries.length - refused;
  const isShown = !isOnline || entries.length > 0;

  return (
    <>
      <div
        role="status"
        className={cn(
          "flex flex-wrap items-center justify-center gap-x-3 gap-y-1 border-b bg-muted px-4 py-2 text-sm print:hidden",
          !isShown && "sr-only",
        )}
      >
        {!isOnline ? (
          <span className="flex items-center gap-1.5 font-medium">
            <CloudOffIcon aria-hidden="true" className="size-4" />
            Offline<span className="sr-only">: pages show what they showed when last opened, and captures wait on this device.</span>
          </span>
        ) : null}
        {entries.length > 0 ? (
          <Button variant="link" size="sm" className="h-auto p-0" {...buttonProps}>
            {summary(waiting, refused)}
          </Button>
        ) : null}
        {isSyncing ? <span className="text-muted-foreground">Syncing…</span> : null}
      </div>
      {hasOpened ? (
        <Suspense fallback={null}>
          <CaptureQueueSheet isOpen={isOpen} onOpenChange={setIsOpen} onClosed={returnFocus} />
        </Suspense>
      ) : null}
    </>
  );
}
