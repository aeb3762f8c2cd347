"use client";

import { TrophyIcon } from "lucide-react";
import type * as React from "react";

import { type RecordWinRequest, useRecordWin } from "@/components/journal/record-win-provider";
import { Button } from "@/components/ui/button";

type RecordWinButtonProps = {
  request?: RecordWinRequest;
  // The visible text (or, for an icon button, the accessible name).
  label?: string;
  children?: React.ReactNode;
  variant?: "default" | "outline" | "secondary" | "ghost";
  size?: "default" | "sm" | "icon";
  className?: string;
};

// Opens the app's one record-a-win dialog with this prefill.
export function RecordWinButton({
  request,
  label = "Record a win",
  children,
  variant = "outline",
  size = "default",
  className,
}: RecordWinButtonProps) {
  const recordWin = useRecordWin();
  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      aria-label={size === "icon" ? label : undefined}
      onClick={() => recordWin.open(request)}
      className={className}
    >
      <TrophyIcon aria-hidden="true" />
      {size === "icon" ? null : (children ?? label)}
    </Button>
  );
}
