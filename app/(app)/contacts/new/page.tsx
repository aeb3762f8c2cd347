import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { listCircles } from "@/db/queries/circles";
import { currentUserId } from "@/lib/auth";
import { withPrefill } from "@/lib/capture/fill";
import { contactPrefillSchema, isEmptyPrefill } from "@/lib/capture/prefill";
import { EMPTY_CONTACT_FORM } from "@/lib/validations/contact";

export const metadata: Metadata = { title: "New contact" };

// ?name=&email=&phone=&company=&role=&linkedin=&website=&note= pre-fill the
// form (the share target redirects here): each checked and capped, and one
// that fails is left out.
export default async function NewContactPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const prefill = contactPrefillSchema.parse(await searchParams);
  const circles = await listCircles(await getDb(), { userId });
  const isPrefilled = !isEmptyPrefill(prefill);
  return (
    <>
      <PageHeader
        title="New contact"
        description={
          isPrefilled
            ? "Filled in from what you shared: check it, add the rest, and save."
            : "Only the name is needed; add the rest whenever you like."
        }
      />
      <ContactForm defaultValues={isPrefilled ? withPrefill(EMPTY_CONTACT_FORM, prefill) : EMPTY_CONTACT_FORM} circles={circles} />
    </>
  );
}
