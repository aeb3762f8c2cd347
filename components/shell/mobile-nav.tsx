"use client";

import { lazy, Suspense } from "react";
import type * as React from "react";
import { MenuIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { useDialogOnIntent } from "@/components/ui/use-dialog-on-intent";

// The sheet (a Radix dialog with its focus trap and scroll lock) is not part
// of a page's first load: it is fetched when a finger or pointer reaches the
// menu button, or at the latest when the menu opens.
const loadSheet = () => import("@/components/shell/mobile-nav-sheet");
const MobileNavSheet = lazy(() => loadSheet().then((module) => ({ default: module.MobileNavSheet })));
const preloadSheet = () => void loadSheet();

type MobileNavProps = {
  /** Shown at the bottom of the sheet, under the links (the account panel). */
  children?: React.ReactNode;
};

function MobileNav({ children }: MobileNavProps) {
  const { isOpen, setIsOpen, hasOpened, returnFocus, buttonProps } = useDialogOnIntent(preloadSheet);

  return (
    <>
      <Button variant="ghost" size="icon" aria-label="Open menu" {...buttonProps}>
        <MenuIcon aria-hidden="true" />
      </Button>
      {hasOpened ? (
        <Suspense fallback={null}>
          <MobileNavSheet isOpen={isOpen} onOpenChange={setIsOpen} onClosed={returnFocus}>
            {children}
          </MobileNavSheet>
        </Suspense>
      ) : null}
    </>
  );
}

export { MobileNav };
