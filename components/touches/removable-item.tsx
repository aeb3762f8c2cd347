"use client";

import { createContext, useContext, useMemo, useRef, useState } from "react";
import type * as React from "react";

type Removable = {
  // Hides the item at once, before the server confirms (an optimistic delete).
  hide: () => void;
  // Shows it again when the server refused.
  restore: () => void;
  // Where focus goes once the item is gone: the list, so keyboard users stay in place.
  focusList: () => void;
};

const RemovableContext = createContext<Removable | null>(null);

export function useRemovable(): Removable | null {
  return useContext(RemovableContext);
}

// A list item that its delete control can hide optimistically; the list it
// sits in should have tabIndex={-1} to receive focus after a delete.
export function RemovableItem({ children, className }: { children: React.ReactNode; className?: string }) {
  const [isHidden, setIsHidden] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const removable = useMemo<Removable>(
    () => ({
      hide: () => setIsHidden(true),
      restore: () => setIsHidden(false),
      focusList: () => itemRef.current?.closest<HTMLElement>("ol, ul")?.focus(),
    }),
    [],
  );
  return (
    <li ref={itemRef} hidden={isHidden} className={className}>
      <RemovableContext.Provider value={removable}>{children}</RemovableContext.Provider>
    </li>
  );
}
