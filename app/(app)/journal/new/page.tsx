import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewWinForm } from "@/components/journal/new-win-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getContactRef } from "@/db/queries/contacts";
import { listRoles } from "@/db/queries/roles";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "Record a win" };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where the weekly email's "What went well this week?" lands. It checks the
// session itself (a link from an email may come long after the cookie went),
// and ?contact=<id> starts the win with that person as one who helped, when
// the contact is the user's; anything else in it is ignored.
export default async function NewWinPage({ searchParams }: PageProps) {
  const raw = (await searchParams).contact;
  const contactParam = typeof raw === "string" ? raw : undefined;
  const userId = await currentUserId();
  if (!userId) {
    const back = contactParam ? `/journal/new?contact=${encodeURIComponent(contactParam)}` : "/journal/new";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  const db = await getDb();
  const [roles, contact] = await Promise.all([
    listRoles(db, { userId }),
    contactParam ? getContactRef(db, { userId, contactId: contactParam }) : undefined,
  ]);
  const people = contact ? [{ contactId: contact.id, name: contact.name, part: "helped_me" as const }] : [];

  return (
    <>
      <PageHeader title="Record a win" description="What you did, what came of it, and who was part of it." />
      <Card className="max-w-2xl">
        <CardContent>
          <NewWinForm roles={roles} defaults={{ people }} />
        </CardContent>
      </Card>
    </>
  );
}
