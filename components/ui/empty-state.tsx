import type * as React from "react";

import { cn } from "@/lib/utils";

type EmptyStateProps = {
  /** A decorative icon element, e.g. `<UsersIcon />`; it is hidden from assistive technology. */
  icon: React.ReactNode;
  title: string;
  description: React.ReactNode;
  /** A button or link that gets the person out of the empty state. */
  action?: React.ReactNode;
  /** Heading level of the title, to fit the page's outline. */
  titleAs?: "h2" | "h3";
  className?: string;
};

function EmptyState({ icon, title, description, action, titleAs: Title = "h2", className }: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-4 rounded-xl border border-dashed px-6 py-12 text-center",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground [&_svg:not([class*='size-'])]:size-6"
      >
        {icon}
      </span>
      <div className="grid max-w-sm gap-1.5">
        <Title className="text-lg font-semibold">{title}</Title>
        <div className="text-sm text-muted-foreground">{description}</div>
      </div>
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export { EmptyState };
export type { EmptyStateProps };
