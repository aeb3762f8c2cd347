import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { todayIn } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const userId = await currentUserId();
  const settings = userId ? await getUserSettings(await getDb(), { userId }) : undefined;
  if (!settings) notFound();
  return (
    <>
      <PageHeader title="New event" description="Where did you meet people? Next, you can add everyone you met there." />
      <EventForm defaultDate={todayIn(settings.timeZone)} />
    </>
  );
}
