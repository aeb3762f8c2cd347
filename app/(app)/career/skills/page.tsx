import { ArrowLeftIcon, SparklesIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SkillCreateForm } from "@/components/career/skill-create-form";
import { SkillTable } from "@/components/career/skill-table";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listSkillRows } from "@/db/queries/career-skills";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { todayIn } from "@/lib/domain/dates";
import { SKILL_LEVELS } from "@/lib/domain/enums";
import { skillFreshness, skillLevelLabel } from "@/lib/domain/skills";

export const metadata: Metadata = { title: "Skills" };

export default async function SkillsPage() {
  const userId = await currentUserId();
  if (!userId) notFound();
  const db = await getDb();
  const [skills, settings] = await Promise.all([listSkillRows(db, { userId }), getUserSettings(db, { userId })]);
  const today = todayIn(settings?.timeZone ?? null);
  const staleCount = skills.filter((skill) => skillFreshness(skill.lastUsedOn, today) === "stale").length;

  return (
    <>
      <Link
        href="/career"
        className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        Career
      </Link>
      <PageHeader
        title="Skills"
        description="How good you are at each, as you assess it over time; when a win last used it; and who could teach you."
      />
      {skills.length === 0 ? (
        <EmptyState
          icon={<SparklesIcon />}
          title="No skills yet"
          description="Add a skill you have or want to build, with the level you would give yourself today. Skills you tag on journal wins show up here too, with the day you last used them."
          action={
            <a href="#skill-name" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              Add your first skill
            </a>
          }
        />
      ) : (
        <section aria-labelledby="skills-list" className="grid gap-3">
          <h2 id="skills-list" className="sr-only">
            Your skills
          </h2>
          <p className="text-sm text-muted-foreground">
            {skills.length === 1 ? "1 skill" : `${skills.length} skills`}
            {staleCount > 0 ? `, ${staleCount} going stale: no win has used ${staleCount === 1 ? "it" : "them"} in 12 months` : ""}.
          </p>
          <SkillTable skills={skills} today={today} />
        </section>
      )}
      <Card asChild className="mt-8">
        <section aria-labelledby="add-skill">
          <CardHeader>
            <CardTitle asChild>
              <h2 id="add-skill">Add a skill</h2>
            </CardTitle>
            <CardDescription>
              Levels: {SKILL_LEVELS.map(skillLevelLabel).join(", ")}. Record a new level on the skill&apos;s page whenever it
              changes, and the trend shows.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SkillCreateForm />
          </CardContent>
        </section>
      </Card>
    </>
  );
}
