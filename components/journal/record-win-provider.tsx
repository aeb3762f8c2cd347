"use client";

import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState } from "react";
import type * as React from "react";

import { useCaptureEditor } from "@/components/capture/capture-queue-provider";
import type { RecordWinRequest } from "@/components/journal/record-win-dialog";
import type { WinFormDefaults } from "@/components/journal/win-form";
import { useShortcutKey } from "@/components/shell/use-shortcut-key";

// The dialog and its form are not part of a page's first load: they are
// fetched when the person shows the intent (a pointer over or focus on a
// button that opens it) or, at the latest, on the first opening.
const loadRecordWinDialog = () => import("@/components/journal/record-win-dialog");
const RecordWinDialog = lazy(() => loadRecordWinDialog().then((module) => ({ default: module.RecordWinDialog })));

export function preloadRecordWinDialog(): void {
  void loadRecordWinDialog();
}

export type { RecordWinRequest };

type RecordWinContextValue = { open: (request?: RecordWinRequest) => void };

const RecordWinContext = createContext<RecordWinContextValue | null>(null);

export function useRecordWin(): RecordWinContextValue {
  const context = useContext(RecordWinContext);
  if (!context) throw new Error("useRecordWin needs a <RecordWinProvider> above it (the app shell mounts one).");
  return context;
}

// The one record-a-win dialog of the signed-in app: the shell's button, a
// contact's page, a touch of value received and every "Edit" on a win open
// it, and so does the `j` key.
export function RecordWinProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<{ isOpen: boolean; request: RecordWinRequest; session: number }>({
    isOpen: false,
    request: {},
    session: 0,
  });

  const open = useCallback((request: RecordWinRequest = {}) => {
    // A new session remounts the form, so each opening starts from its prefill.
    setState((current) => ({ isOpen: true, request, session: current.session + 1 }));
  }, []);

  const setOpen = useCallback((isOpen: boolean) => setState((current) => ({ ...current, isOpen })), []);

  useShortcutKey("j", open);
  useCaptureEditor(
    "win",
    useCallback((entry) => open({ queued: { key: entry.key, defaults: entry.reopen as WinFormDefaults } }), [open]),
  );

  const value = useMemo(() => ({ open }), [open]);

  return (
    <RecordWinContext.Provider value={value}>
      {children}
      {state.session > 0 ? (
        <Suspense fallback={null}>
          <RecordWinDialog key={state.session} isOpen={state.isOpen} onOpenChange={setOpen} request={state.request} />
        </Suspense>
      ) : null}
    </RecordWinContext.Provider>
  );
}
