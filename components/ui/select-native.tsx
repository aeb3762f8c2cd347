import type * as React from "react";
import { ChevronDownIcon } from "lucide-react";

import { cn } from "@/lib/utils";

type SelectNativeProps = React.ComponentProps<"select"> & {
  /** Classes for the wrapper, which sets the width; `className` styles the `<select>` itself. */
  wrapperClassName?: string;
};

/**
 * A native `<select>`: the platform picker is keyboard- and screen-reader-friendly,
 * type-to-search works on long lists (≈400 time zones), and it needs no JavaScript.
 */
function SelectNative({ className, wrapperClassName, ...props }: SelectNativeProps) {
  return (
    <div data-slot="select-native-wrapper" className={cn("relative w-full", wrapperClassName)}>
      <select
        data-slot="select-native"
        className={cn(
          "h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-background py-1 pr-9 pl-3 text-base shadow-xs transition-colors md:text-sm",
          "disabled:pointer-events-none disabled:cursor-not-allowed disabled:opacity-50",
          "aria-invalid:border-destructive",
          className,
        )}
        {...props}
      />
      <ChevronDownIcon
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}

export { SelectNative };
export type { SelectNativeProps };
