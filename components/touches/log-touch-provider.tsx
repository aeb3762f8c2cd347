"use client";

import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState } from "react";
import type * as React from "react";

import { useCaptureEditor } from "@/components/capture/capture-queue-provider";
import { useShortcutKey } from "@/components/shell/use-shortcut-key";
import type { LogTouchRequest } from "@/components/touches/log-touch-dialog";

// The dialog and its form are not part of a page's first load: they are
// fetched when the person shows the intent (a pointer over or focus on a
// button that opens it) or, at the latest, on the first opening.
const loadLogTouchDialog = () => import("@/components/touches/log-touch-dialog");
const LogTouchDialog = lazy(() => loadLogTouchDialog().then((module) => ({ default: module.LogTouchDialog })));

export function preloadLogTouchDialog(): void {
  void loadLogTouchDialog();
}

type LogTouchContextValue = { open: (request?: LogTouchRequest) => void };

const LogTouchContext = createContext<LogTouchContextValue | null>(null);

export function useLogTouch(): LogTouchContextValue {
  const context = useContext(LogTouchContext);
  if (!context) throw new Error("useLogTouch needs a <LogTouchProvider> above it (the app shell mounts one).");
  return context;
}

// The one log-touch dialog of the signed-in app: every "Log touch",
// "Congratulate" and "Edit" button opens it, and so does the `l` key.
export function LogTouchProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<{ isOpen: boolean; request: LogTouchRequest; session: number }>({
    isOpen: false,
    request: {},
    session: 0,
  });

  const open = useCallback((request: LogTouchRequest = {}) => {
    // A new session remounts the form, so each opening starts from its prefill.
    setState((current) => ({ isOpen: true, request, session: current.session + 1 }));
  }, []);

  const setOpen = useCallback((isOpen: boolean) => setState((current) => ({ ...current, isOpen })), []);

  useShortcutKey("l", open);
  useCaptureEditor(
    "touch",
    useCallback((entry) => open({ ...(entry.reopen as LogTouchRequest), replacesQueued: entry.key }), [open]),
  );

  const value = useMemo(() => ({ open }), [open]);

  return (
    <LogTouchContext.Provider value={value}>
      {children}
      {state.session > 0 ? (
        <Suspense fallback={null}>
          <LogTouchDialog key={state.session} isOpen={state.isOpen} onOpenChange={setOpen} request={state.request} />
        </Suspense>
      ) : null}
    </LogTouchContext.Provider>
  );
}
