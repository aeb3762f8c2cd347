import { DownloadIcon } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DeleteAccountForm } from "./delete-account-form";
import { RestoreForm } from "./restore-form";

const DOWNLOADS = [
  {
    href: "/api/export/kith.json",
    label: "Everything (JSON)",
    description:
      "Contacts, circles, events, touches, successes, settings, My roles and the job journal: the file Kith restores from.",
  },
  {
    href: "/api/export/contacts.csv",
    label: "Contacts (CSV)",
    description: "A row per contact for a spreadsheet; Kith's CSV import reads it back.",
  },
  {
    href: "/api/export/contacts.vcf",
    label: "Contacts (vCard)",
    description: "For Apple Contacts, Google Contacts or Outlook.",
  },
] as const;

// Settings' "Your data": take it out, bring it back, or leave.
export function YourData({ email, contactCount }: { email: string; contactCount: number }) {
  return (
    <section aria-labelledby="your-data" className="mt-10 max-w-2xl space-y-6">
      <div>
        <h2 id="your-data" className="text-xl font-semibold tracking-tight">
          Your data
        </h2>
        <p className="text-muted-foreground mt-1 text-sm">It is yours: download it any time, in formats other tools read.</p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h3>Download</h3>
          </CardTitle>
          <CardDescription>Files are made as you download them, with everything up to that moment.</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="divide-y">
            {DOWNLOADS.map((download) => (
              <li key={download.href} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="text-sm font-medium">{download.label}</p>
                  <p className="text-muted-foreground text-sm">{download.description}</p>
                </div>
                {/* A plain link: the browser downloads the file the route sends as an attachment. */}
                <a href={download.href} download className={buttonVariants({ variant: "outline", size: "sm" })}>
                  <DownloadIcon aria-hidden="true" />
                  Download<span className="sr-only"> {download.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h3>Restore from a Kith export</h3>
          </CardTitle>
          <CardDescription>
            Brings back everything in a kith-export file: contacts, circles, events, touches, successes, settings, My
            roles and the job journal. It works into an account with no contacts yet, such as a new one.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {contactCount === 0 ? (
            <RestoreForm />
          ) : (
            <p className="text-sm">
              This account already has {contactCount.toLocaleString("en")} contact{contactCount === 1 ? "" : "s"}, so
              there is nothing to restore into here. Sign in with another email to restore into a new account.
            </p>
          )}
        </CardContent>
      </Card>

      <Card className="border-destructive/50">
        <CardHeader>
          <CardTitle asChild>
            <h3 className="text-destructive">Delete my account</h3>
          </CardTitle>
          <CardDescription>
            Deletes your account and everything in it (contacts, touches, events, successes, settings, My roles and the
            job journal) at once and for good, and signs you out everywhere. Download your data first if you may want it again.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccountForm email={email} />
        </CardContent>
      </Card>
    </section>
  );
}
