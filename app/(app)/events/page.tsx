import { CalendarDays } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Events" };

export default function EventsPage() {
  return (
    <>
      <PageHeader title="Events" description="Meetups, conferences and volunteering days where you met people." />
      <EmptyState
        icon={<CalendarDays aria-hidden className="size-6" />}
        title="No events yet"
        description="Your events and the people you met at each will be listed here."
      />
    </>
  );
}
