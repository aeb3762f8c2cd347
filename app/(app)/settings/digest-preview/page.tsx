import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { getDb } from "@/db/client";
import { getUserSettings } from "@/db/queries/users";
import { currentUserId } from "@/lib/auth";
import { previewDigestFor } from "@/lib/digest/scheduler";

export const metadata: Metadata = { title: "This week's digest" };

// The weekly email as it would go out now, built from the user's own data;
// previewing sends nothing and claims nothing.
export default async function DigestPreviewPage() {
  const userId = await currentUserId();
  const db = await getDb();
  const settings = userId ? await getUserSettings(db, { userId }) : undefined;
  if (!userId || !settings) notFound();
  const mail = await previewDigestFor(db, { userId, email: settings.email, name: settings.name });
  return (
    <>
      <PageHeader
        title="This week's digest"
        description={
          settings.digestEnabled
            ? "What your weekly email would say if it went out now."
            : "Your weekly email is off; this is what it would say now."
        }
        actions={
          <Link href="/settings" className="text-primary text-sm font-medium underline-offset-4 hover:underline">
            Back to settings
          </Link>
        }
      />
      {mail ? (
        <section aria-labelledby="digest-subject" className="space-y-3">
          <h2 id="digest-subject" className="font-medium">
            Subject: {mail.subject}
          </h2>
          <iframe
            title={`Preview of “${mail.subject}”`}
            srcDoc={mail.html}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            className="h-[720px] w-full rounded-lg border bg-white"
          />
        </section>
      ) : (
        <p className="text-muted-foreground">
          Nothing to say this week: nobody is overdue, no success is waiting for a congratulation, and &ldquo;What went
          well this week?&rdquo; is turned off in settings, so no email would go out.
        </p>
      )}
    </>
  );
}
