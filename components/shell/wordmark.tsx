import Link from "next/link";
import { SproutIcon } from "lucide-react";

import { cn } from "@/lib/utils";

function Wordmark({ href, className }: { href: string; className?: string }) {
  return (
    <Link
      href={href}
      className={cn("inline-flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight", className)}
    >
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground"
      >
        <SproutIcon className="size-4" />
      </span>
      Kith
    </Link>
  );
}

export { Wordmark };
