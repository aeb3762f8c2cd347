"use client";

import { ScanQrCodeIcon } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { toast } from "sonner";
import { QrScanner } from "@/components/capture/qr-scanner";
import { Button } from "@/components/ui/button";
import { DialogHeading } from "@/components/ui/dialog-heading";
import type { CapturedContact } from "@/lib/capture/prefill";

type ScanButtonProps = {
  onContact: (contact: CapturedContact) => void;
  /** Quick-add: the dialog stays open and each code read is one more person. */
  isContinuous?: boolean;
};

// "Scan": a dialog with the camera reading QR codes (vCard, MeCard, LinkedIn
// profile links), or a photo of one. The content unmounts on close, which
// stops the camera.
export function ScanButton({ onContact, isContinuous = false }: ScanButtonProps) {
  const [isOpen, setIsOpen] = useState(false);

  function found(contact: CapturedContact) {
    onContact(contact);
    if (isContinuous) return;
    setIsOpen(false);
    toast.success(`Filled in ${contact.name} from the code: check the details before saving.`);
  }

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant="outline">
          <ScanQrCodeIcon aria-hidden="true" />
          Scan
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none" />
        <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-xl border bg-background p-4 shadow-lg data-[state=closed]:animate-out data-[state=closed]:fade-out-0 data-[state=open]:animate-in data-[state=open]:fade-in-0 motion-reduce:animate-none sm:inset-x-auto sm:top-[5dvh] sm:bottom-auto sm:left-1/2 sm:w-full sm:max-w-md sm:-translate-x-1/2 sm:rounded-xl sm:p-6">
          <DialogHeading
            title="Scan a QR code"
            description={`A contact card from a phone or a badge, or a LinkedIn profile code.${isContinuous ? " Each code adds a person to the list." : ""}`}
          />
          <QrScanner onContact={found} isContinuous={isContinuous} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
