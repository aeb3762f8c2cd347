"use client";

import { useState } from "react";
import { TrophyIcon } from "lucide-react";

import { SuccessDialog } from "@/components/successes/success-dialog";
import { Button } from "@/components/ui/button";

export function RecordSuccessButton({ contact }: { contact: { id: string; name: string } }) {
  const [dialog, setDialog] = useState({ isOpen: false, session: 0 });
  return (
    <>
      <Button
        type="button"
        variant="outline"
        onClick={() => setDialog((current) => ({ isOpen: true, session: current.session + 1 }))}
      >
        <TrophyIcon aria-hidden="true" />
        Record success
      </Button>
      <SuccessDialog
        // A fresh form each time it opens.
        key={dialog.session}
        contact={contact}
        isOpen={dialog.isOpen}
        onOpenChange={(isOpen) => setDialog((current) => ({ ...current, isOpen }))}
      />
    </>
  );
}
