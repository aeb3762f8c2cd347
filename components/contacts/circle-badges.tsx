import Link from "next/link";
import { cn } from "@/lib/utils";

type CircleBadgesProps = {
  circles: { id: string; name: string }[];
  /** Each badge links to the contacts list filtered by its circle. */
  linked?: boolean;
  className?: string;
};

const badge = "inline-flex items-center rounded-full bg-secondary px-2 py-0.5 text-xs font-medium text-secondary-foreground";

export function CircleBadges({ circles, linked = false, className }: CircleBadgesProps) {
  if (circles.length === 0) return null;
  return (
    <ul aria-label="Circles" className={cn("flex flex-wrap gap-1.5", className)}>
      {circles.map((circle) => (
        <li key={circle.id}>
          {linked ? (
            <Link href={`/contacts?circle=${circle.id}`} className={cn(badge, "hover:bg-accent hover:underline")}>
              {circle.name}
            </Link>
          ) : (
            <span className={badge}>{circle.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
