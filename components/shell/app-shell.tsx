import type * as React from "react";
import { LogOutIcon } from "lucide-react";

import { RecordWinProvider } from "@/components/journal/record-win-provider";
import { ShellRecordWinButton } from "@/components/journal/shell-record-win-button";
import { CommandPaletteProvider } from "@/components/palette/command-palette-provider";
import { ShellSearchButton } from "@/components/palette/shell-search-button";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { Wordmark } from "@/components/shell/wordmark";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { LogTouchProvider } from "@/components/touches/log-touch-provider";
import { ShellLogTouchButton } from "@/components/touches/shell-log-touch-button";
import { Button } from "@/components/ui/button";

type AppShellUser = {
  name: string | null;
  email: string;
};

type AppShellProps = {
  user: AppShellUser;
  signOut: () => Promise<void>;
  children: React.ReactNode;
};

function AccountPanel({
  user,
  signOut,
  hasThemeToggle,
}: {
  user: AppShellUser;
  signOut: () => Promise<void>;
  hasThemeToggle: boolean;
}) {
  const displayName = user.name?.trim() || user.email;

  return (
    <div className="grid gap-3 border-t border-sidebar-border pt-4">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium" title={displayName}>
          {displayName}
        </p>
        {displayName !== user.email ? (
          <p className="truncate text-sm text-muted-foreground" title={user.email}>
            {user.email}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <form action={signOut} className="flex-1" data-sign-out="">
          <Button type="submit" variant="outline" size="sm" className="w-full">
            <LogOutIcon aria-hidden="true" />
            Sign out
          </Button>
        </form>
        {hasThemeToggle ? <ThemeToggle /> : null}
      </div>
    </div>
  );
}

function AppShell({ user, signOut, children }: AppShellProps) {
  return (
    <LogTouchProvider>
      <RecordWinProvider>
        <CommandPaletteProvider>
          <a
            href="#main"
            className="fixed top-3 left-3 z-60 -translate-y-20 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground shadow-lg focus:translate-y-0 print:hidden"
          >
            Skip to content
          </a>
          <div className="min-h-dvh md:grid md:grid-cols-[15rem_minmax(0,1fr)] print:block">
            <header className="sticky top-0 z-40 flex h-14 items-center justify-between gap-2 border-b bg-background/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:hidden print:hidden">
              <Wordmark href="/dashboard" />
              <div className="flex items-center gap-1">
                <ShellSearchButton isCompact />
                <ShellRecordWinButton isCompact />
                <ShellLogTouchButton isCompact className="mr-1" />
                <ThemeToggle />
                <MobileNav>
                  <AccountPanel user={user} signOut={signOut} hasThemeToggle={false} />
                </MobileNav>
              </div>
            </header>
            <aside className="sticky top-0 hidden h-dvh flex-col gap-6 overflow-y-auto border-r border-sidebar-border bg-sidebar p-4 text-sidebar-foreground md:flex print:hidden">
              <Wordmark href="/dashboard" className="px-2 pt-1" />
              <div className="grid gap-2">
                <ShellSearchButton />
                <ShellLogTouchButton />
                <ShellRecordWinButton />
              </div>
              <NavLinks />
              <div className="mt-auto">
                <AccountPanel user={user} signOut={signOut} hasThemeToggle />
              </div>
            </aside>
            <main id="main" tabIndex={-1} className="min-w-0 px-4 py-6 outline-none sm:px-6 md:px-8 md:py-8 print:p-0">
              <div className="mx-auto w-full max-w-5xl">{children}</div>
            </main>
          </div>
        </CommandPaletteProvider>
      </RecordWinProvider>
    </LogTouchProvider>
  );
}

export { AppShell };
export type { AppShellProps, AppShellUser };
