import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SettingsForm } from "@/components/settings/settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const userId = await currentUserId();
  const settings = userId ? await getUserSettings(await getDb(), { userId }) : undefined;
  if (!settings) notFound();
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${settings.email}`} />
      <SettingsForm settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
    </>
  );
}
