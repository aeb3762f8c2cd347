"use client";

import { PlusIcon } from "lucide-react";

import { useLogTouch } from "@/components/touches/log-touch-provider";
import { Button } from "@/components/ui/button";

type LogTouchButtonProps = {
  contacts?: { id: string; name: string }[];
  label?: string;
  variant?: "default" | "outline" | "secondary" | "ghost";
  size?: "default" | "sm" | "icon";
};

// Opens the app's one log-touch dialog with these contacts already chosen.
export function LogTouchButton({ contacts, label = "Log touch", variant = "default", size = "default" }: LogTouchButtonProps) {
  const logTouch = useLogTouch();
  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      aria-label={size === "icon" ? label : undefined}
      onClick={() => logTouch.open({ contacts })}
    >
      <PlusIcon aria-hidden="true" />
      {size === "icon" ? null : label}
    </Button>
  );
}
