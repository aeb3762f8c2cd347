import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleSettingsCard } from "@/components/journal/role-settings-card";
import { ApiTokens } from "@/components/settings/api-tokens";
import { SettingsForm } from "@/components/settings/settings-form";
import { YourData } from "@/components/settings/your-data";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { countContacts } from "@/db/queries/restore";
import { getUserSettings } from "@/db/queries/users";
import { listApiTokens } from "@/lib/api/tokens";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const userId = await currentUserId();
  if (!userId) notFound();
  const db = await getDb();
  const [settings, contactCount, tokens] = await Promise.all([
    getUserSettings(db, { userId }),
    countContacts(db, { userId }),
    listApiTokens({ db, userId }),
  ]);
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
      {/* Keyed by the saved settings: a restore replaces them, and the form
          (which reads its values once) must show the new ones. */}
      <SettingsForm key={JSON.stringify(settings)} settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
      <RoleSettingsCard />
      <ApiTokens tokens={tokens} timeZone={settings.timeZone ?? "UTC"} now={new Date()} />
      <YourData email={settings.email} contactCount={contactCount} />
    </>
  );
}
