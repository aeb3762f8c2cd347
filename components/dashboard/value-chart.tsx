"use client";

import { format, parseISO } from "date-fns";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ValueWeek } from "@/lib/domain/dashboard";

const weekLabel = (week: string) => format(parseISO(week), "d MMM");

// Given and received side by side per week. The chart is a picture for
// sighted readers (kept out of the tab order); the same numbers are in the
// table below it.
export function ValueChart({ weeks }: { weeks: ValueWeek[] }) {
  return (
    <div aria-hidden="true" className="h-56 w-full text-xs">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: -24 }} barGap={1} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="week"
            tickFormatter={weekLabel}
            tickLine={false}
            axisLine={false}
            interval="preserveStartEnd"
            minTickGap={24}
            stroke="var(--color-muted-foreground)"
          />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} stroke="var(--color-muted-foreground)" />
          <Tooltip
            labelFormatter={(week) => `Week of ${weekLabel(String(week))}`}
            cursor={{ fill: "var(--color-muted)" }}
            contentStyle={{
              background: "var(--color-popover)",
              border: "1px solid var(--color-border)",
              borderRadius: "0.5rem",
              color: "var(--color-popover-foreground)",
            }}
          />
          <Legend iconType="circle" iconSize={8} />
          <Bar dataKey="given" name="Given" fill="var(--color-chart-given)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="received" name="Received" fill="var(--color-chart-received)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
