"use client";

import type * as React from "react";
import { XIcon } from "lucide-react";
import { Dialog } from "radix-ui";

import { NavLinks } from "@/components/shell/nav-links";
import { Wordmark } from "@/components/shell/wordmark";
import { Button } from "@/components/ui/button";

type MobileNavSheetProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** Where focus goes back to once the sheet has closed: the menu button. */
  onClosed: () => void;
  children?: React.ReactNode;
};

// The phone menu's sheet, loaded by MobileNav when the menu is first wanted.
export function MobileNavSheet({ isOpen, onOpenChange, onClosed, children }: MobileNavSheetProps) {
  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 overflow-y-auto border-r bg-sidebar p-4 text-sidebar-foreground shadow-lg data-[state=closed]:animate-out data-[state=closed]:slide-out-to-left data-[state=open]:animate-in data-[state=open]:slide-in-from-left motion-reduce:animate-none"
        >
          <div className="flex items-center justify-between gap-2">
            <Dialog.Title className="sr-only">Menu</Dialog.Title>
            <Wordmark href="/dashboard" />
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close menu">
                <XIcon aria-hidden="true" />
              </Button>
            </Dialog.Close>
          </div>
          <NavLinks onNavigate={() => onOpenChange(false)} />
          {children ? <div className="mt-auto">{children}</div> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
