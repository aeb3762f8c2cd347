import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { loadUnsubscribeLink, type UnsubscribeView } from "@/lib/digest/link-actions";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

const REFUSED: Record<Exclude<UnsubscribeView["status"], "subscribed" | "unsubscribed">, { title: string; text: string }> = {
  invalid: {
    title: "This unsubscribe link is not valid",
    text: "Copy the whole link from the email, or sign in and turn the weekly email off in Settings.",
  },
  expired: {
    title: "This unsubscribe link has expired",
    text: "Sign in and turn the weekly email off in Settings.",
  },
};

// Public: the link in every digest. Opening it changes nothing (mail scanners
// open links); the button does. Mail clients use the one-click POST at
// /api/unsubscribe instead.
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  const { t } = await searchParams;
  const token = typeof t === "string" ? t : "";
  const view = await loadUnsubscribeLink(await getDb(), token);

  if (view.status === "unsubscribed") {
    return (
      <Card>
        <CardHeader>
          <CardTitle asChild><h1>You are unsubscribed</h1></CardTitle>
          <CardDescription role="status">You will not get the weekly email any more.</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="text-sm text-muted-foreground">
            Changed your mind?{" "}
            <Link href="/settings" className="font-medium text-primary underline-offset-4 hover:underline">
              Turn it back on in Settings
            </Link>
            .
          </p>
        </CardContent>
      </Card>
    );
  }

  if (view.status === "subscribed") {
    return (
      <Card>
        <CardHeader>
          <CardTitle asChild><h1>Unsubscribe from the weekly email?</h1></CardTitle>
          <CardDescription>
            Kith will stop sending you the weekly reconnect email. Your contacts and touches stay as they are, and you can
            turn the email back on in Settings at any time.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form action={unsubscribeAction}>
            <input type="hidden" name="t" value={token} />
            <Button type="submit" className="w-full">
              Unsubscribe from the weekly email
            </Button>
          </form>
        </CardContent>
      </Card>
    );
  }

  const refused = REFUSED[view.status];
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h1>{refused.title}</h1></CardTitle>
        <CardDescription>{refused.text}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild variant="outline" className="w-full">
          <Link href="/settings">Open Settings</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
