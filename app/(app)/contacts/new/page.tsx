import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { listCircles } from "@/db/queries/circles";
import { currentUserId } from "@/lib/auth";
import { EMPTY_CONTACT_FORM } from "@/lib/validations/contact";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  const userId = await currentUserId();
  if (!userId) notFound();
  const circles = await listCircles(await getDb(), { userId });
  return (
    <>
      <PageHeader title="New contact" description="Only the name is needed; add the rest whenever you like." />
      <ContactForm defaultValues={EMPTY_CONTACT_FORM} circles={circles} />
    </>
  );
}
