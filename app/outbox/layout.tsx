import { notFound } from "next/navigation";
import { Wordmark } from "@/components/shell/wordmark";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { env } from "@/lib/env";

export default function OutboxLayout({ children }: { children: React.ReactNode }) {
  if (!env().isOutboxReadable) notFound();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between border-b px-4 py-4 sm:px-6">
        <div className="flex items-baseline gap-3">
          <Wordmark href="/" />
          <span className="text-muted-foreground text-sm">Local outbox</span>
        </div>
        <ThemeToggle />
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
