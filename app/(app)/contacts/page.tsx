import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return (
    <>
      <PageHeader title="Contacts" description="Everyone you keep in touch with." />
      <EmptyState
        icon={<Users aria-hidden className="size-6" />}
        title="No contacts yet"
        description="People arrive here when you add those you met at an event."
        action={
          <Link href="/events" className="text-primary font-medium underline-offset-4 hover:underline">
            Start from an event
          </Link>
        }
      />
    </>
  );
}
