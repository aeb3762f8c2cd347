import { CircleDashedIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CircleCreateForm } from "@/components/circles/circle-create-form";
import { CircleItem } from "@/components/circles/circle-item";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { listCirclesWithCounts } from "@/db/queries/circles";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "Circles" };

export default async function CirclesPage() {
  const userId = await currentUserId();
  if (!userId) notFound();
  const circles = await listCirclesWithCounts(await getDb(), { userId });
  return (
    <>
      <PageHeader
        title="Circles"
        description="Groups that cut across your network: alumni, volunteering, ex-colleagues. A contact can be in many; choose them on the contact's edit page."
      />
      <div className="max-w-3xl space-y-6">
        <Card>
          <CardContent>
            <CircleCreateForm />
          </CardContent>
        </Card>
        {circles.length > 0 ? (
          <ul aria-label="Your circles" className="divide-y rounded-xl border bg-card">
            {circles.map((circle) => (
              <CircleItem key={circle.id} circle={circle} />
            ))}
          </ul>
        ) : (
          <EmptyState
            icon={<CircleDashedIcon />}
            title="No circles yet"
            description="Create your first circle above, then add contacts to it from their edit page."
          />
        )}
      </div>
    </>
  );
}
