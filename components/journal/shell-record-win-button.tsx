"use client";

import { TrophyIcon } from "lucide-react";

import { preloadRecordWinDialog, useRecordWin } from "@/components/journal/record-win-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

// The shell's "Record a win", beside "Log touch": full width with its shortcut
// in the sidebar, an icon in the phone header (phones rarely have the key).
export function ShellRecordWinButton({ isCompact = false, className }: { isCompact?: boolean; className?: string }) {
  const recordWin = useRecordWin();
  return (
    <Button
      type="button"
      onPointerEnter={preloadRecordWinDialog}
      onFocus={preloadRecordWinDialog}
      variant="outline"
      size={isCompact ? "icon" : "default"}
      aria-keyshortcuts="J"
      aria-label={isCompact ? "Record a win" : undefined}
      onClick={() => recordWin.open()}
      className={cn(isCompact ? "size-8" : "w-full justify-start", className)}
    >
      <TrophyIcon aria-hidden="true" />
      {isCompact ? null : (
        <>
          Record a win
          <kbd aria-hidden="true" className="ml-auto rounded border px-1.5 font-mono text-xs leading-5 text-muted-foreground">
            J
          </kbd>
        </>
      )}
    </Button>
  );
}
