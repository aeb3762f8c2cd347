import type { Metadata } from "next";
import Link from "next/link";
import { WifiOffIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Offline" };

// What the service worker (app/sw.ts) shows for a page it has no copy of
// while the network is gone. It holds nobody's data, so it is public and
// cached once per build.
export default function OfflinePage() {
  return (
    <div className="grid justify-items-center gap-4 text-center">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <WifiOffIcon className="size-6" />
      </span>
      <h1 className="text-2xl font-semibold">You&apos;re offline</h1>
      <p className="text-muted-foreground">
        This page hasn&apos;t been opened on this device yet, so there is no copy of it to show. Pages you have opened
        before still open as you last saw them, and what you capture there (a touch, the people you met, a win, a new
        contact) waits on this device and syncs when you&apos;re back online.
      </p>
      <Button asChild>
        <Link href="/dashboard">Open the dashboard</Link>
      </Button>
    </div>
  );
}
