import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { listCircles } from "@/db/queries/circles";
import { type ContactDetail, getContact } from "@/db/queries/contacts";
import { currentUserId } from "@/lib/auth";
import type { ContactFormInput } from "@/lib/validations/contact";

export const metadata: Metadata = { title: "Edit contact" };

function toFormValues(contact: ContactDetail): ContactFormInput {
  const text = (value: string | null) => value ?? "";
  const number = (value: number | null) => (value === null ? "" : String(value));
  return {
    name: contact.name,
    company: text(contact.company),
    role: text(contact.role),
    location: text(contact.location),
    notes: text(contact.notes),
    tier: contact.tier,
    cadenceDays: number(contact.cadenceDays),
    remindersEnabled: contact.remindersEnabled,
    emails: contact.emails.map((row) => ({ email: row.email, label: text(row.label) })),
    phones: contact.phones.map((row) => ({ phone: row.phone, label: text(row.label) })),
    links: contact.links.map((row) => ({ url: row.url, label: text(row.label) })),
    birthdayMonth: number(contact.birthdayMonth),
    birthdayDay: number(contact.birthdayDay),
    birthdayYear: number(contact.birthdayYear),
    circleIds: contact.circles.map((circle) => circle.id),
    newCircleNames: [],
  };
}

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const userId = await currentUserId();
  if (!userId) notFound();
  const db = await getDb();
  const contact = await getContact(db, { userId, contactId: (await params).id });
  if (!contact) notFound();
  const circles = await listCircles(db, { userId });
  return (
    <>
      <PageHeader title={`Edit ${contact.name}`} />
      <ContactForm contactId={contact.id} defaultValues={toFormValues(contact)} circles={circles} />
    </>
  );
}
