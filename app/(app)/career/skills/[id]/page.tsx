import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SkillDeleteButton } from "@/components/career/skill-delete-button";
import { SkillLevelSummary, StaleBadge } from "@/components/career/skill-level";
import { SkillLevelForm } from "@/components/career/skill-level-form";
import { SkillLevelHistory } from "@/components/career/skill-level-history";
import { SkillRenameForm } from "@/components/career/skill-rename-form";
import { SkillTeachers } from "@/components/career/skill-teachers";
import { SkillTrendLines } from "@/components/career/skill-trend-lines";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getSkillDetail } from "@/db/queries/career-skills";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { formatDay, todayIn } from "@/lib/domain/dates";
import { LEARNING_KIND_LABELS, LEARNING_STATUS_LABELS, WIN_KIND_LABELS } from "@/lib/domain/enums";
import { journalHref } from "@/lib/domain/journal-list";
import { formatHours, type SkillDetail, skillFreshness } from "@/lib/domain/skills";

type PageProps = { params: Promise<{ id: string }> };

// One read per request, shared by the metadata and the page.
const loadSkill = cache(async (skillId: string) => {
  const userId = await currentUserId();
  if (!userId) return undefined;
  const db = await getDb();
  const [skill, settings] = await Promise.all([getSkillDetail(db, { userId, skillId }), getUserSettings(db, { userId })]);
  return skill ? { skill, today: todayIn(settings?.timeZone ?? null) } : undefined;
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const loaded = await loadSkill((await params).id);
  return { title: loaded?.skill.name ?? "Skill not found" };
}

const wins = (count: number) => (count === 1 ? "1 win" : `${count.toLocaleString("en")} wins`);

function Facts({ skill, today }: { skill: SkillDetail; today: string }) {
  const freshness = skillFreshness(skill.lastUsedOn, today);
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-xl border p-4 text-sm sm:grid-cols-4">
      <div>
        <dt className="text-muted-foreground">Level</dt>
        <dd className="mt-1 font-medium tabular-nums">
          <SkillLevelSummary level={skill.level} previousLevel={skill.previousLevel} />
        </dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Last used</dt>
        <dd className="mt-1 flex flex-wrap items-center gap-2 font-medium">
          {skill.lastUsedOn ? <span className="tabular-nums">{formatDay(skill.lastUsedOn)}</span> : "Not used yet"}
          <StaleBadge freshness={freshness} />
        </dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Wins</dt>
        <dd className="mt-1 font-medium tabular-nums">{skill.winCount.toLocaleString("en")}</dd>
      </div>
      <div>
        <dt className="text-muted-foreground">Learning hours</dt>
        <dd className="mt-1 font-medium tabular-nums">{formatHours(skill.learningHours)}</dd>
      </div>
    </dl>
  );
}

export default async function SkillPage({ params }: PageProps) {
  const loaded = await loadSkill((await params).id);
  if (!loaded) notFound();
  const { skill, today } = loaded;
  const series = [{ skillId: skill.id, name: skill.name, points: skill.levels.map(({ assessedOn, level }) => ({ on: assessedOn, level })) }];
  const journal = journalHref({ skillId: skill.id });

  return (
    <>
      <Link
        href="/career/skills"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        Skills
      </Link>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight break-words sm:text-3xl">{skill.name}</h1>
      <Facts skill={skill} today={today} />

      <div className="mt-6 grid gap-6 lg:grid-cols-2 lg:items-start">
        <Card asChild className="lg:col-span-2">
          <section aria-labelledby="skill-levels">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="skill-levels">Level over time</h2>
              </CardTitle>
              <CardDescription>Your own assessment, one per day: recording a day again replaces it.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-6">
              {skill.levels.length === 0 ? (
                <p className="text-sm text-muted-foreground">No level recorded yet. Record where you are today below.</p>
              ) : (
                <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
                  <div className="min-w-0">
                    <SkillTrendLines series={series} />
                  </div>
                  <SkillLevelHistory skillName={skill.name} levels={skill.levels} />
                </div>
              )}
              <div className="grid gap-3">
                <h3 id="record-level" className="text-sm font-medium">
                  Record level
                </h3>
                <SkillLevelForm skillId={skill.id} labelledBy="record-level" currentLevel={skill.level} today={today} />
              </div>
            </CardContent>
          </section>
        </Card>

        <Card asChild>
          <section aria-labelledby="skill-teachers">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="skill-teachers">Who can teach me</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <SkillTeachers skillId={skill.id} skillName={skill.name} teachers={skill.teachers} />
            </CardContent>
          </section>
        </Card>

        <Card asChild>
          <section aria-labelledby="skill-wins">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="skill-wins">Wins that used it</h2>
              </CardTitle>
              {skill.winCount > 0 ? (
                <CardDescription>
                  {skill.winCount > skill.recentWins.length ? `The latest ${skill.recentWins.length} of ${wins(skill.winCount)}.` : `${wins(skill.winCount)}.`}
                </CardDescription>
              ) : null}
            </CardHeader>
            <CardContent className="grid gap-3">
              {skill.recentWins.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  No win is tagged with {skill.name} yet. Tag it when you{" "}
                  <Link href="/journal/new" className="font-medium text-primary underline-offset-4 hover:underline">
                    record a win
                  </Link>{" "}
                  that used it.
                </p>
              ) : (
                <>
                  <ul className="grid gap-2 text-sm">
                    {skill.recentWins.map((win) => (
                      <li key={win.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                        <span className="min-w-0 break-words font-medium">{win.title}</span>
                        <span className="text-muted-foreground tabular-nums">
                          {WIN_KIND_LABELS[win.kind]} · {formatDay(win.occurredOn)}
                        </span>
                      </li>
                    ))}
                  </ul>
                  <Link href={journal} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                    See {skill.winCount === 1 ? "it" : `all ${wins(skill.winCount)}`} in the journal
                  </Link>
                </>
              )}
            </CardContent>
          </section>
        </Card>

        <Card asChild>
          <section aria-labelledby="skill-learning">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="skill-learning">Learning</h2>
              </CardTitle>
              <CardDescription>The courses, books, talks and mentoring in your learning log that build it.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              {skill.learning.length === 0 ? (
                <p className="text-sm text-muted-foreground">No course, book or mentoring builds {skill.name} yet.</p>
              ) : (
                <ul className="grid gap-2 text-sm">
                  {skill.learning.map((item) => (
                    <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <span className="min-w-0 break-words font-medium">{item.title}</span>
                      <span className="text-muted-foreground tabular-nums">
                        {LEARNING_KIND_LABELS[item.kind]} · {LEARNING_STATUS_LABELS[item.status]}
                        {item.hours === null ? "" : ` · ${formatHours(item.hours)} h`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <Link href="/career/learning" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                Open the learning log
              </Link>
            </CardContent>
          </section>
        </Card>

        <Card asChild>
          <section aria-labelledby="skill-manage">
            <CardHeader>
              <CardTitle asChild>
                <h2 id="skill-manage">Rename or delete</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <SkillRenameForm key={skill.name} skillId={skill.id} name={skill.name} />
              <div>
                <SkillDeleteButton
                  skillId={skill.id}
                  name={skill.name}
                  tags={{ winCount: skill.winCount, learningCount: skill.learningCount, stoneCount: skill.stoneCount }}
                />
              </div>
            </CardContent>
          </section>
        </Card>
      </div>
    </>
  );
}
