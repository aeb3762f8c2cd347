import Link from "next/link";
import type { CircleActivity } from "@/lib/domain/dashboard";
import { lastTouchLabel } from "@/lib/contacts/schedule-labels";

type CirclesTouchedProps = {
  circles: { total: number; touched: number; quiet: CircleActivity[] };
  days: number;
  now: Date;
  timeZone: string;
};

const QUIET_SHOWN = 5;

export function CirclesTouched({ circles, days, now, timeZone }: CirclesTouchedProps) {
  return (
    <div className="grid gap-3">
      <p>
        <span className="text-3xl font-semibold tabular-nums">{circles.touched}</span>
        <span className="text-muted-foreground text-sm">
          {" "}
          of {circles.total} {circles.total === 1 ? "circle" : "circles"} touched in the last {days} days
        </span>
      </p>
      {circles.quiet.length === 0 ? (
        <p className="text-muted-foreground text-sm">Every circle heard from you lately.</p>
      ) : (
        <div className="grid gap-1">
          <h3 className="text-sm font-medium">Going quiet</h3>
          <ul className="grid gap-1 text-sm">
            {circles.quiet.slice(0, QUIET_SHOWN).map((circle) => (
              <li key={circle.id} className="flex justify-between gap-2">
                <Link href={`/contacts?circle=${circle.id}&sort=last_touch`} className="underline-offset-4 hover:underline">
                  {circle.name}
                </Link>
                <span className="text-muted-foreground">
                  {circle.lastTouchedAt ? `last ${lastTouchLabel(circle.lastTouchedAt, now, timeZone)}` : "never touched"}
                </span>
              </li>
            ))}
          </ul>
          {circles.quiet.length > QUIET_SHOWN ? (
            <p className="text-muted-foreground text-sm">and {circles.quiet.length - QUIET_SHOWN} more</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
