import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { CongratulateButton } from "@/components/successes/congratulate-button";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { SelectNative } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { getDb } from "@/db/client";
import { getTouchContactIds } from "@/db/queries/touches";
import { getUserSettings } from "@/db/queries/users";
import { auth } from "@/lib/auth";
import { lastTouchLabel } from "@/lib/contacts/schedule-labels";
import { type DigestLinkView, loadDigestLink, type LinkContact, type LinkSuccess } from "@/lib/digest/link-actions";
import { formatDay } from "@/lib/domain/dates";
import { CHANNEL_LABELS, CHANNELS, SUCCESS_KIND_LABELS } from "@/lib/domain/enums";
import { logTouchFromDigestAction, snoozeFromDigestAction } from "./actions";
import { MAX_SUMMARY_LENGTH } from "@/lib/domain/limits";

const ACTIONS = ["log", "snooze", "congratulate", "record-win"] as const;
type LinkAction = (typeof ACTIONS)[number];

const TITLES: Record<LinkAction, string> = {
  log: "Log a touch",
  snooze: "Snooze",
  congratulate: "Congratulate",
  "record-win": "Record a win",
};

function isLinkAction(value: string): value is LinkAction {
  return (ACTIONS as readonly string[]).includes(value);
}

function param(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

export async function generateMetadata({ params }: PageProps<"/digest/[action]">): Promise<Metadata> {
  const { action } = await params;
  return { title: isLinkAction(action) ? TITLES[action] : "Not found", robots: { index: false } };
}

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

function Refused({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <p className="text-muted-foreground">{children}</p>
      <Link href="/dashboard" className={`${buttonVariants({ variant: "outline" })} mt-6`}>
        Go to the dashboard
      </Link>
    </>
  );
}

function SavedError() {
  return (
    <p role="alert" className="mb-4 text-sm font-medium text-destructive">
      That was not saved. Try again.
    </p>
  );
}

function Done({ title, contact }: { title: string; contact: { id: string; name: string } }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="flex flex-wrap gap-2">
        <Link href={`/contacts/${contact.id}`} className={buttonVariants()}>
          Open {contact.name}
        </Link>
        <Link href="/dashboard" className={buttonVariants({ variant: "outline" })}>
          Go to the dashboard
        </Link>
      </div>
    </>
  );
}

function LogForm({ token, contact, lastTouch, hasError }: { token: string; contact: LinkContact; lastTouch: string; hasError: boolean }) {
  return (
    <>
      <PageHeader title={`Log a touch with ${contact.name}?`} description={`Last touch: ${lastTouch}. It is logged for today.`} />
      <Card className="max-w-lg">
        <CardContent>
          {hasError ? <SavedError /> : null}
          <form action={logTouchFromDigestAction} className="grid gap-4">
            <input type="hidden" name="t" value={token} />
            <FormField id="digest-channel" label="How were you in touch?">
              <SelectNative id="digest-channel" name="channel" defaultValue="message">
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {CHANNEL_LABELS[channel]}
                  </option>
                ))}
              </SelectNative>
            </FormField>
            <FormField id="digest-summary" label="Summary (optional)">
              <Textarea id="digest-summary" name="summary" rows={3} maxLength={MAX_SUMMARY_LENGTH} />
            </FormField>
            {/* Not "Log touch": that is the shell's button, which opens the dialog. */}
            <Button type="submit" className="justify-self-start">
              Save touch
            </Button>
          </form>
        </CardContent>
      </Card>
    </>
  );
}

function SnoozeForm({ token, contact, until, hasError }: { token: string; contact: LinkContact; until: string; hasError: boolean }) {
  return (
    <>
      <PageHeader
        title={`Snooze ${contact.name} for two weeks?`}
        description={`No reminders for them until ${formatDay(until)}.`}
      />
      {hasError ? <SavedError /> : null}
      <form action={snoozeFromDigestAction}>
        <input type="hidden" name="t" value={token} />
        <Button type="submit">Snooze until {formatDay(until)}</Button>
      </form>
    </>
  );
}

function Congratulate({ success }: { success: LinkSuccess }) {
  const { contact } = success;
  if (success.isCongratulated) {
    return <Done title={`You congratulated ${contact.name} on ${success.title}`} contact={contact} />;
  }
  return (
    <>
      <PageHeader
        title={`Congratulate ${contact.name}`}
        description={`${SUCCESS_KIND_LABELS[success.kind]}: ${success.title}, ${formatDay(success.occurredOn)}.`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <CongratulateButton success={{ id: success.id, title: success.title }} contact={contact} size="default" />
        <Link href={`/contacts/${contact.id}`} className={linkClass}>
          Open {contact.name}
        </Link>
      </div>
    </>
  );
}

// Opened from the weekly email. Opening it changes nothing (mail scanners
// open links): the button does, or the new-win form it leads to. The token
// must be the signed-in user's.
export default async function DigestLinkPage({ params, searchParams }: PageProps<"/digest/[action]">) {
  const { action } = await params;
  if (!isLinkAction(action)) notFound();
  const query = await searchParams;
  const token = param(query.t);
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/digest/${action}?t=${encodeURIComponent(token)}`)}`);

  const db = await getDb();
  const view: DigestLinkView = await loadDigestLink(db, { userId, action, token });
  const hasError = param(query.error) !== "";
  const done = param(query.done);

  switch (view.status) {
    case "invalid":
      return <Refused title="This link is not valid">Open it again from the email: the whole link is needed.</Refused>;
    case "expired":
      return <Refused title="This link has expired">Links in the weekly email work for 30 days.</Refused>;
    case "other-account":
      return (
        <Refused title="This link is for another account">
          You are signed in as {session.user.email}. Nothing was changed; sign in with the account the email was sent to.
        </Refused>
      );
    case "not-found":
      notFound();
  }

  if (view.action === "record-win") redirect(view.redirectTo);
  if (view.action === "congratulate") return <Congratulate success={view.success} />;

  const { contact } = view;
  if (view.action === "snooze") {
    if (done !== "" && contact.snoozedUntil) {
      return <Done title={`${contact.name} is snoozed until ${formatDay(contact.snoozedUntil)}`} contact={contact} />;
    }
    return <SnoozeForm token={token} contact={contact} until={view.until} hasError={hasError} />;
  }

  // The confirmation is shown only for a touch of this user's with this contact.
  if (z.uuid().safeParse(done).success) {
    const contactIds = await getTouchContactIds(db, { userId, touchId: done });
    if (contactIds?.includes(contact.id)) return <Done title={`Touch logged with ${contact.name}`} contact={contact} />;
  }
  const settings = await getUserSettings(db, { userId });
  const lastTouch = lastTouchLabel(contact.lastTouchedAt, new Date(), settings?.timeZone ?? "UTC");
  return <LogForm token={token} contact={contact} lastTouch={lastTouch} hasError={hasError} />;
}
