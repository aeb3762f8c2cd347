import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: PageProps<"/sign-in/check-email">) {
  const { email } = await searchParams;
  const { RESEND_API_KEY, isOutboxReadable } = env();
  const showOutbox = !RESEND_API_KEY && isOutboxReadable;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h1>Check your email</h1></CardTitle>
        <CardDescription>
          {typeof email === "string" ? (
            <>
              We sent a sign-in link to <strong className="text-foreground">{email}</strong>.
            </>
          ) : (
            "We sent you a sign-in link."
          )}{" "}
          It works once and expires in an hour.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {showOutbox ? (
          <>
            <p className="text-muted-foreground text-sm">
              No email provider is configured, so Kith kept the email in its local outbox.
            </p>
            <Button asChild className="w-full">
              <Link href="/outbox">Open the outbox</Link>
            </Button>
          </>
        ) : null}
        <p className="text-muted-foreground text-sm">
          Wrong address or nothing arrived? <Link href="/sign-in" className="underline underline-offset-4">Ask for a new link</Link>.
        </p>
      </CardContent>
    </Card>
  );
}
