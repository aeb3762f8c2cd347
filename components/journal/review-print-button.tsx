"use client";

import { PrinterIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

// The browser's own print dialog, where "Save as PDF" is one of the printers.
export function ReviewPrintButton() {
  return (
    <Button type="button" onClick={() => window.print()}>
      <PrinterIcon aria-hidden="true" />
      Print / save as PDF
    </Button>
  );
}
