import { XIcon } from "lucide-react";
import { Dialog } from "radix-ui";
import type * as React from "react";

import { Button } from "@/components/ui/button";

// The top of every form dialog: its title and description (the dialog's
// accessible name and description) beside a Close button.
export function DialogHeading({ title, description }: { title: React.ReactNode; description: React.ReactNode }) {
  return (
    <div className="mb-4 flex items-start justify-between gap-4">
      <div className="grid min-w-0 gap-1">
        <Dialog.Title className="text-lg font-semibold break-words">{title}</Dialog.Title>
        <Dialog.Description className="text-sm text-muted-foreground">{description}</Dialog.Description>
      </div>
      <Dialog.Close asChild>
        <Button variant="ghost" size="icon" aria-label="Close" className="-mt-1 -mr-2">
          <XIcon aria-hidden="true" />
        </Button>
      </Dialog.Close>
    </div>
  );
}
