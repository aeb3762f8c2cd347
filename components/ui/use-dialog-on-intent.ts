"use client";

import { useCallback, useRef, useState } from "react";

// A button that opens a dialog whose code is fetched on intent: `preload`
// (an import()) runs when a pointer or focus reaches the button, and the
// dialog mounts on the first opening (render it only once `hasOpened`). Pass
// `returnFocus` to the dialog for its onCloseAutoFocus, since the button is no
// Radix Trigger.
export function useDialogOnIntent(preload: () => void) {
  const [isOpen, setIsOpen] = useState(false);
  const [hasOpened, setHasOpened] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useCallback(() => buttonRef.current?.focus(), []);
  const buttonProps = {
    ref: buttonRef,
    "aria-haspopup": "dialog" as const,
    "aria-expanded": isOpen,
    onPointerEnter: preload,
    onFocus: preload,
    onClick: () => {
      setHasOpened(true);
      setIsOpen(true);
    },
  };
  return { isOpen, setIsOpen, hasOpened, returnFocus, buttonProps };
}
