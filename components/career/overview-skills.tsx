import { ArrowDownIcon, ArrowRightIcon, ArrowUpIcon, ChartLineIcon } from "lucide-react";
import Link from "next/link";

import { SkillTrendChart } from "@/components/career/skill-trend-chart";
import type { OverviewSkill } from "@/lib/domain/career-overview";
import { formatDay } from "@/lib/domain/dates";
import { type LevelTrend, levelTrend, skillFreshness, skillLevelLabel } from "@/lib/domain/skills";

const TRENDS: Record<LevelTrend, { label: string; Icon: typeof ArrowUpIcon }> = {
  up: { label: "Up", Icon: ArrowUpIcon },
  down: { label: "Down", Icon: ArrowDownIcon },
  same: { label: "Steady", Icon: ArrowRightIcon },
};

function levelText(level: number | null): string {
  return level === null ? "—" : skillLevelLabel(level);
}

function SkillRow({ skill, today }: { skill: OverviewSkill; today: string }) {
  const current = skill.points.at(-1)?.level ?? null;
  const trend = levelTrend(current, skill.points.at(-2)?.level ?? null);
  const isStale = skillFreshness(skill.lastUsedOn, today) === "stale";
  const Trend = trend ? TRENDS[trend] : null;
  return (
    <tr className="border-b last:border-0">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {skill.name}
        {isStale ? <span className="ml-2 text-xs font-normal text-amber-800 dark:text-amber-300">Going stale</span> : null}
      </th>
      <td className="py-2 pr-3 whitespace-nowrap">{levelText(current)}</td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {Trend ? (
          <span className="inline-flex items-center gap-1">
            <Trend.Icon aria-hidden="true" className="size-3.5" />
            {Trend.label}
          </span>
        ) : (
          "—"
        )}
      </td>
      <td className="py-2 pr-3 tabular-nums">{skill.recentWins.toLocaleString("en")}</td>
      <td className="py-2 whitespace-nowrap">{skill.lastUsedOn ? formatDay(skill.lastUsedOn) : "Not yet"}</td>
    </tr>
  );
}

// The skills most active over the past 12 months: their levels over time as
// a chart (with its numbers a click away), and where each stands in a table.
export function OverviewSkills({ skills, today }: { skills: OverviewSkill[]; today: string }) {
  return (
    <section
      aria-labelledby="career-skills"
      className="grid content-start gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-xs"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="grid gap-1">
          <h2 id="career-skills" className="flex items-center gap-2 text-xl font-semibold">
            <ChartLineIcon aria-hidden="true" className="size-5 text-primary" />
            Skills
          </h2>
          <p className="text-sm text-muted-foreground">Your most active skills of the past 12 months, and their level.</p>
        </div>
        <Link href="/career/skills" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          All skills
        </Link>
      </div>
      {skills.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No levels recorded yet. Rate a skill from 1 to 5 on{" "}
          <Link href="/career/skills" className="font-medium text-primary underline-offset-4 hover:underline">
            your skills
          </Link>{" "}
          and its trend shows here as you grow.
        </p>
      ) : (
        <>
          <SkillTrendChart series={skills.map(({ skillId, name, points }) => ({ skillId, name, points }))} />
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Where your most active skills stand</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Skill
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Level
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Trend
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Wins, 12 months
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Last used
                  </th>
                </tr>
              </thead>
              <tbody>
                {skills.map((skill) => (
                  <SkillRow key={skill.skillId} skill={skill} today={today} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
