"use client";

import { PartyPopperIcon } from "lucide-react";

import type { LogTouchRequest } from "@/components/touches/log-touch-dialog";
import { useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";

type SuccessRef = { id: string; title: string };
type ContactRef = { id: string; name: string };

// A congratulation given to the success's contact, linked to the success so
// that saving it marks the success congratulated.
export function congratulationRequest(success: SuccessRef, contact: ContactRef): LogTouchRequest {
  return {
    contacts: [contact],
    channel: "message",
    valueKind: "congratulation",
    valueDirection: "given",
    summary: `Congratulations on ${success.title}`,
    success,
  };
}

type CongratulateButtonProps = {
  success: SuccessRef;
  contact: ContactRef;
  size?: "default" | "sm";
};

export function CongratulateButton({ success, contact, size = "sm" }: CongratulateButtonProps) {
  const logTouch = useLogTouch();
  return (
    <Button
      type="button"
      variant="outline"
      size={size}
      aria-label={`Congratulate ${contact.name} on ${success.title}`}
      onClick={() => logTouch.open(congratulationRequest(success, contact))}
    >
      <PartyPopperIcon aria-hidden="true" />
      Congratulate
    </Button>
  );
}
