import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Confirm sign-in" };

function param(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

// Opening the emailed link only shows this page; the button spends the
// one-time token, so a mail scanner that follows links signs nobody in.
export default async function ConfirmSignInPage({ searchParams }: PageProps<"/sign-in/confirm">) {
  const query = await searchParams;
  const token = param(query.token);
  const email = param(query.email);
  const callbackUrl = param(query.callbackUrl);

  if (!token || !email) {
    return (
      <Card>
        <CardHeader>
          <CardTitle asChild><h1>This link is incomplete</h1></CardTitle>
          <CardDescription>Copy the whole link from the email, or ask for a new one.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild className="w-full">
            <Link href="/sign-in">Ask for a new link</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h1>Confirm sign-in</h1></CardTitle>
        <CardDescription>
          Sign in to Kith as <strong className="text-foreground">{email}</strong>.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form method="get" action="/api/auth/callback/email">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={email} />
          {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
          <Button type="submit" className="w-full" autoFocus>
            Sign in
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
