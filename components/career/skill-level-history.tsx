import { formatDay } from "@/lib/domain/dates";
import { type SkillLevelEntry, skillLevelLabel } from "@/lib/domain/skills";
import { SkillLevelDeleteButton } from "./skill-level-delete-button";

// Every assessment in date order: the chart's numbers, each one deletable.
export function SkillLevelHistory({ skillName, levels }: { skillName: string; levels: SkillLevelEntry[] }) {
  return (
    <div className="max-h-80 overflow-auto">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">Level of {skillName} over time</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-1 pr-2 font-medium">Date</th>
            <th scope="col" className="py-1 pr-2 font-medium">Level</th>
            <th scope="col" className="py-1 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {levels.map((entry) => (
            <tr key={entry.id} className="border-b last:border-0">
              <th scope="row" className="py-1 pr-2 font-normal whitespace-nowrap">
                {formatDay(entry.assessedOn)}
              </th>
              <td className="py-1 pr-2">{skillLevelLabel(entry.level)}</td>
              <td className="py-1 text-right">
                <SkillLevelDeleteButton levelId={entry.id} dayLabel={formatDay(entry.assessedOn)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
