import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { PageHeader } from "@/components/shell/page-header";
import { loadEvent } from "@/lib/events/load-event";

export async function generateMetadata({ params }: PageProps<"/events/[id]/edit">): Promise<Metadata> {
  const loaded = await loadEvent((await params).id);
  return { title: loaded ? `Edit ${loaded.event.name}` : "Event not found" };
}

export default async function EditEventPage({ params }: PageProps<"/events/[id]/edit">) {
  const loaded = await loadEvent((await params).id);
  if (!loaded) notFound();
  return (
    <>
      <PageHeader title="Edit event" description={loaded.event.name} />
      <EventForm event={loaded.event} defaultDate={loaded.event.occurredOn} />
    </>
  );
}
