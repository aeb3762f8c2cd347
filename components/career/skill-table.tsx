import Link from "next/link";
import { formatDay } from "@/lib/domain/dates";
import { formatHours, type SkillRow, skillFreshness } from "@/lib/domain/skills";
import { SkillLevelSummary, StaleBadge } from "./skill-level";

const people = (count: number) => (count === 0 ? "—" : count === 1 ? "1 person" : `${count} people`);

// The user's skills: level and trend, last use in the journal (flagged when
// going stale), learning hours and who can teach it. Scrolls sideways inside
// its frame on a narrow screen rather than squeezing the columns.
export function SkillTable({ skills, today }: { skills: SkillRow[]; today: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Your skills</caption>
        <thead className="bg-muted/50">
          <tr className="border-b">
            <th scope="col" className="px-3 py-2 font-medium">Skill</th>
            <th scope="col" className="px-3 py-2 font-medium">Level</th>
            <th scope="col" className="px-3 py-2 font-medium">Last used</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Learning hours</th>
            <th scope="col" className="px-3 py-2 font-medium">Can teach me</th>
          </tr>
        </thead>
        <tbody>
          {skills.map((skill) => {
            const freshness = skillFreshness(skill.lastUsedOn, today);
            return (
              <tr key={skill.id} className="border-b last:border-0">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/career/skills/${skill.id}`} className="break-words text-primary underline-offset-4 hover:underline">
                    {skill.name}
                  </Link>
                </th>
                <td className="px-3 py-2 tabular-nums">
                  <SkillLevelSummary level={skill.level} previousLevel={skill.previousLevel} />
                </td>
                <td className="px-3 py-2">
                  <span className="flex flex-wrap items-center gap-2">
                    {skill.lastUsedOn ? (
                      <span className="whitespace-nowrap tabular-nums">{formatDay(skill.lastUsedOn)}</span>
                    ) : (
                      <span className="text-muted-foreground">Not used yet</span>
                    )}
                    <StaleBadge freshness={freshness} />
                  </span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatHours(skill.learningHours)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{people(skill.teacherCount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
