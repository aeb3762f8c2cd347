"use client";

import { PlusIcon } from "lucide-react";

import { preloadLogTouchDialog, useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

// The shell's "Log touch": full width with its shortcut in the sidebar,
// compact in the phone header (phones rarely have the key).
export function ShellLogTouchButton({ isCompact = false, className }: { isCompact?: boolean; className?: string }) {
  const logTouch = useLogTouch();
  return (
    <Button
      type="button"
      onPointerEnter={preloadLogTouchDialog}
      onFocus={preloadLogTouchDialog}
      size={isCompact ? "sm" : "default"}
      aria-keyshortcuts="L"
      onClick={() => logTouch.open()}
      className={cn(!isCompact && "w-full justify-start", className)}
    >
      <PlusIcon aria-hidden="true" />
      Log touch
      {isCompact ? null : (
        <kbd
          aria-hidden="true"
          className="ml-auto rounded border border-primary-foreground/40 px-1.5 font-mono text-xs leading-5"
        >
          L
        </kbd>
      )}
    </Button>
  );
}
