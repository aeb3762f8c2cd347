"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type * as React from "react";
import { toast } from "sonner";

import { CaptureQueueStatus } from "@/components/capture/capture-queue-status";
import { type CaptureInput, type CaptureResult, refusalOf, sendWithKey } from "@/components/capture/capture-senders";
import { SESSION_ENDED } from "@/lib/actions/result";
import { OFFLINE_COPY_HEADER, OFFLINE_PAGES_CACHE } from "@/lib/capture/offline-pages";
import {
  enqueueCapture,
  listCaptures,
  type QueuedCapture,
  removeCapture,
  updateCapture,
} from "@/lib/capture/queue";
import type { CaptureKind } from "@/lib/validations/idempotency";

export type Sent<K extends CaptureKind> = { status: "sent"; result: CaptureResult<K> } | { status: "queued" };

type SendOptions = {
  // What the queue lists if it has to wait: "Touch with Ada Quinn".
  label: string;
  // The form's prefill, to reopen it for an edit.
  reopen?: unknown;
  // Editing a queued entry: once this one is saved or queued, that one goes.
  replaces?: string;
};

type Editor = (entry: QueuedCapture) => void;

type CaptureQueueValue = {
  send: <K extends CaptureKind>(kind: K, input: CaptureInput<K>, options: SendOptions) => Promise<Sent<K>>;
  entries: QueuedCapture[];
  isOnline: boolean;
  isSyncing: boolean;
  syncNow: () => void;
  discard: (key: string) => Promise<void>;
  // Sends a refused entry again with these fields changed ("Create anyway").
  resend: (entry: QueuedCapture, changes: Record<string, unknown>) => Promise<void>;
  edit: (entry: QueuedCapture) => void;
  canEdit: (kind: CaptureKind) => boolean;
  registerEditor: (kind: CaptureKind, editor: Editor) => () => void;
};

const CaptureQueueContext = createContext<CaptureQueueValue | null>(null);

export function useCaptureQueue(): CaptureQueueValue {
  const context = useContext(CaptureQueueContext);
  if (!context) throw new Error("useCaptureQueue needs a <CaptureQueueProvider> above it (the signed-in layout mounts one).");
  return context;
}

// A form that can reopen a queued entry of its kind registers itself with
// the queue, where one is mounted (a form rendered on its own edits nothing).
export function useCaptureEditor(kind: CaptureKind, editor: Editor) {
  const registerEditor = useContext(CaptureQueueContext)?.registerEditor;
  useEffect(() => registerEditor?.(kind, editor), [kind, editor, registerEditor]);
}

const CHANNEL = "kith-capture";
const LAST_USER = "kith-last-user";
const RETRY_MS = 30_000;
const COPY_FRESH_MS = 10 * 60_000;

// A page reached by a client-side navigation is not a document request the
// worker sees: ask it to keep a copy, at most once every ten minutes per
// page, so offline it opens as last seen without a second render per click.
// The page a tab opens on was itself a document request: it is kept already.
function keepOfflineCopy(pathname: string, isLoadedPage: boolean) {
  const worker = navigator.serviceWorker?.controller;
  if (!worker || !navigator.onLine) return;
  const seen = `kith-offline-copy:${pathname}`;
  const last = Number(sessionStorage.getItem(seen) ?? 0);
  if (Date.now() - last < COPY_FRESH_MS) return;
  sessionStorage.setItem(seen, String(Date.now()));
  if (isLoadedPage) return;
  const url = `${location.origin}${pathname}${location.search}`;
  worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [[url, { headers: { [OFFLINE_COPY_HEADER]: "1" } }]] } });
}

function isOnlineNow(): boolean {
  return typeof navigator === "undefined" || navigator.onLine;
}

function onConnectivity(changed: () => void): () => void {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
}

// One tab sends at a time (the others hear about it); where the browser has
// no Web Locks, two tabs may both send, and the keys keep it to one save.
async function exclusively(run: () => Promise<void>): Promise<void> {
  if (!("locks" in navigator)) return run();
  await navigator.locks.request("kith-capture-sync", { ifAvailable: true }, async (lock) => {
    if (lock) await run();
  });
}

// The signed-in app's capture queue: a capture is sent at once when it can
// be, and waits on the device when it cannot (no network, a request that
// never answered). Waiting entries are sent in order, with the key each was
// first sent with, whenever the network returns, on every load and every
// half minute; one the server refuses stays, with the reason, until it is
// edited or discarded.
export function CaptureQueueProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [entries, setEntries] = useState<QueuedCapture[]>([]);
  const isOnline = useSyncExternalStore(onConnectivity, isOnlineNow, () => true);
  const [isSyncing, setIsSyncing] = useState(false);
  const editors = useRef(new Map<CaptureKind, Editor>());
  const [editorKinds, setEditorKinds] = useState<ReadonlySet<CaptureKind>>(new Set());
  const channel = useRef<BroadcastChannel | null>(null);

  const reload = useCallback(async () => {
    setEntries(await listCaptures(userId));
  }, [userId]);

  const changed = useCallback(async () => {
    await reload();
    channel.current?.postMessage("changed");
  }, [reload]);

  const sync = useCallback(async () => {
    if (!isOnlineNow()) return;
    let saved = 0;
    let answered = 0;
    await exclusively(async () => {
      const waiting = (await listCaptures(userId)).filter((entry) => !entry.problem);
      if (waiting.length === 0) return;
      setIsSyncing(true);
      try {
        for (const entry of waiting) {
          const result = await sendWithKey(entry.kind, entry.input as never, entry.key);
          if (!result.ok && result.formError === SESSION_ENDED) break;
          answered += 1;
          const refusal = refusalOf(entry.kind, result);
          if (refusal) {
            const fieldErrors = result.ok ? undefined : result.fieldErrors;
            await updateCapture(entry.key, { problem: { formError: refusal, fieldErrors } });
          } else {
            await removeCapture(entry.key);
            saved += 1;
          }
        }
      } catch {
        // The network went again mid-way: the rest waits for the next try.
      } finally {
        setIsSyncing(false);
      }
    });
    if (answered > 0) await changed();
    if (saved > 0) {
      toast.success(saved === 1 ? "1 capture synced" : `${saved} captures synced`);
      router.refresh();
    }
  }, [userId, changed, router]);

  const send = useCallback(
    async <K extends CaptureKind>(kind: K, input: CaptureInput<K>, options: SendOptions): Promise<Sent<K>> => {
      const key = crypto.randomUUID();
      const queue = async (): Promise<Sent<K>> => {
        await enqueueCapture({
          key,
          userId,
          kind,
          input: input as Record<string, unknown>,
          label: options.label,
          reopen: options.reopen,
          queuedAt: Date.now(),
        });
        if (options.replaces) await removeCapture(options.replaces);
        await changed();
        return { status: "queued" };
      };
      if (!isOnlineNow()) return queue();
      try {
        const result = await sendWithKey(kind, input, key);
        if (options.replaces && !refusalOf(kind, result)) {
          await removeCapture(options.replaces);
          await changed();
        }
        return { status: "sent", result };
      } catch {
        // No answer (the network dropped, a timeout): it may or may not have
        // arrived, so it waits with its key, and a replay saves it once.
        return queue();
      }
    },
    [userId, changed],
  );

  const discard = useCallback(
    async (key: string) => {
      await removeCapture(key);
      await changed();
    },
    [changed],
  );

  const resend = useCallback(
    async (entry: QueuedCapture, changes: Record<string, unknown>) => {
      await updateCapture(entry.key, { problem: undefined, input: { ...entry.input, ...changes } });
      await changed();
      await sync();
    },
    [changed, sync],
  );

  const registerEditor = useCallback((kind: CaptureKind, editor: Editor) => {
    editors.current.set(kind, editor);
    setEditorKinds(new Set(editors.current.keys()));
    return () => {
      if (editors.current.get(kind) === editor) editors.current.delete(kind);
      setEditorKinds(new Set(editors.current.keys()));
    };
  }, []);

  const edit = useCallback((entry: QueuedCapture) => editors.current.get(entry.kind)?.(entry), []);
  const canEdit = useCallback((kind: CaptureKind) => editorKinds.has(kind), [editorKinds]);
  const syncNow = useCallback(() => void sync(), [sync]);

  useEffect(() => {
    // Another person signed in on this device: the pages kept for offline
    // use were someone else's.
    if (localStorage.getItem(LAST_USER) !== userId) {
      void caches?.delete(OFFLINE_PAGES_CACHE);
      localStorage.setItem(LAST_USER, userId);
    }
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) {
      void navigator.serviceWorker.register("/serwist/sw.js", { scope: "/" }).catch(() => undefined);
    }
    // Signing out (the shell's form marked data-sign-out) leaves no page of
    // this person's on the device; their waiting captures stay, theirs alone.
    const signingOut = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement && event.target.hasAttribute("data-sign-out")) {
        void caches?.delete(OFFLINE_PAGES_CACHE);
      }
    };
    document.addEventListener("submit", signingOut, true);
    channel.current = new BroadcastChannel(CHANNEL);
    channel.current.onmessage = () => void reload();
    const online = () => void sync();
    window.addEventListener("online", online);
    void listCaptures(userId).then(setEntries).then(sync);
    const retry = window.setInterval(() => void sync(), RETRY_MS);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("submit", signingOut, true);
      window.clearInterval(retry);
      channel.current?.close();
      channel.current = null;
    };
  }, [userId, reload, sync]);

  const loadedPath = useRef(pathname);
  useEffect(() => keepOfflineCopy(pathname, pathname === loadedPath.current), [pathname]);

  const value = useMemo(
    () => ({ send, entries, isOnline, isSyncing, syncNow, discard, resend, edit, canEdit, registerEditor }),
    [send, entries, isOnline, isSyncing, syncNow, discard, resend, edit, canEdit, registerEditor],
  );

  return (
    <CaptureQueueContext.Provider value={value}>
      <CaptureQueueStatus />
      {children}
    </CaptureQueueContext.Provider>
  );
}
