import type { Metadata } from "next";
import Link from "next/link";
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
      <PageHeader
        title="Settings"
        description={`Signed in as ${settings.email}`}
        actions={
          <Link
            href="/settings/digest-preview"
            className="text-primary text-sm font-medium underline-offset-4 hover:underline"
          >
            Preview this week&rsquo;s digest
          </Link>
        }
      />
      <SettingsForm settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
    </>
  );
}
