"use client";

import { useRouter } from "next/navigation";
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type * as React from "react";

import { useRecordWin } from "@/components/journal/record-win-provider";
import type { PaletteChoice } from "@/components/palette/command-palette";
import { useLogTouch } from "@/components/touches/log-touch-provider";

// The palette (cmdk and its search) is not part of a page's first load: it
// is fetched when the person shows the intent (a pointer over or focus on the
// Search button) or, at the latest, on the first opening.
const loadCommandPalette = () => import("@/components/palette/command-palette");
const CommandPalette = lazy(() => loadCommandPalette().then((module) => ({ default: module.CommandPalette })));

export function preloadCommandPalette(): void {
  void loadCommandPalette();
}

type CommandPaletteContextValue = { open: () => void };

const CommandPaletteContext = createContext<CommandPaletteContextValue | null>(null);

export function useCommandPalette(): CommandPaletteContextValue {
  const context = useContext(CommandPaletteContext);
  if (!context) throw new Error("useCommandPalette needs a <CommandPaletteProvider> above it (the app shell mounts one).");
  return context;
}

function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k";
}

// The command palette of the signed-in app, opened by ⌘K / Ctrl+K (even
// while typing: a modifier shortcut types nothing) and by the shell's Search
// button. It sits inside the log-touch and record-a-win providers, whose
// dialogs it opens.
export function CommandPaletteProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const logTouch = useLogTouch();
  const recordWin = useRecordWin();
  const [isOpen, setIsOpen] = useState(false);
  const [hasOpened, setHasOpened] = useState(false);
  // Radix returns focus only to a Dialog.Trigger, and the shortcut has none.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  // A dialog chosen here opens once the palette has closed and given focus
  // back, so that closing the dialog returns focus to the same place.
  const nextDialog = useRef<PaletteChoice | null>(null);

  const open = useCallback(() => {
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setIsOpen(true);
    setHasOpened(true);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.repeat || !isPaletteShortcut(event)) return;
      if (isOpen) {
        event.preventDefault();
        setIsOpen(false);
        return;
      }
      // Another dialog is the task at hand (a half-filled form, a
      // confirmation): the palette does not stack a second one over it.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      open();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [isOpen, open]);

  const choose = useCallback(
    (choice: PaletteChoice) => {
      if (choice.kind === "page") router.push(choice.href);
      else nextDialog.current = choice;
      setIsOpen(false);
    },
    [router],
  );

  const onClosed = useCallback(() => {
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    if (target?.isConnected) target.focus();
    const dialog = nextDialog.current;
    nextDialog.current = null;
    if (dialog?.kind === "log-touch") logTouch.open({ contacts: dialog.contacts });
    else if (dialog?.kind === "record-win") recordWin.open();
  }, [logTouch, recordWin]);

  const value = useMemo(() => ({ open }), [open]);

  return (
    <CommandPaletteContext.Provider value={value}>
      {children}
      {hasOpened ? (
        <Suspense fallback={null}>
          <CommandPalette isOpen={isOpen} onOpenChange={setIsOpen} onChoose={choose} onClosed={onClosed} />
        </Suspense>
      ) : null}
    </CommandPaletteContext.Provider>
  );
}
