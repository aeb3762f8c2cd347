"use client";

import { useSyncExternalStore } from "react";
import { SearchIcon } from "lucide-react";

import { preloadCommandPalette, useCommandPalette } from "@/components/palette/command-palette-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

const subscribeNever = () => () => {};

// Apple keyboards say ⌘K; the server, which cannot know, renders Ctrl K.
function useIsApple(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => /Mac|iPhone|iPad/.test(navigator.userAgent),
    () => false,
  );
}

// The shell's way into the command palette: a search box with its shortcut
// at the top of the sidebar, a search icon in the phone header.
export function ShellSearchButton({ isCompact = false, className }: { isCompact?: boolean; className?: string }) {
  const palette = useCommandPalette();
  const isApple = useIsApple();
  return (
    <Button
      type="button"
      onPointerEnter={preloadCommandPalette}
      onFocus={preloadCommandPalette}
      variant="outline"
      size={isCompact ? "icon" : "default"}
      aria-keyshortcuts="Control+K Meta+K"
      aria-label={isCompact ? "Search…" : undefined}
      onClick={palette.open}
      className={cn(isCompact ? "size-8" : "w-full justify-start font-normal text-muted-foreground", className)}
    >
      <SearchIcon aria-hidden="true" />
      {isCompact ? null : (
        <>
          Search…
          <kbd aria-hidden="true" className="ml-auto rounded border px-1.5 font-mono text-xs leading-5">
            {isApple ? "⌘K" : "Ctrl K"}
          </kbd>
        </>
      )}
    </Button>
  );
}
