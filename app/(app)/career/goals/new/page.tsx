import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";

import { GoalForm } from "@/components/career/goal-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "New goal" };

export default async function NewGoalPage() {
  const userId = await currentUserId();
  if (!userId) notFound();
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
        title="New goal"
        description="The destination, and why it matters. Next, you break it into stepping stones."
      />
      <Card className="max-w-2xl">
        <CardContent>
          <GoalForm cancelHref="/career" />
        </CardContent>
      </Card>
    </>
  );
}
