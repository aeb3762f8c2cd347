import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, { title: string; description: string }> = {
  Verification: {
    title: "This link no longer works",
    description: "Sign-in links work once and expire after an hour. Ask for a new one and use the latest email.",
  },
  Configuration: {
    title: "We could not sign you in",
    description: "Kith could not send or check the sign-in email. Try again in a minute.",
  },
};

const FALLBACK = {
  title: "We could not sign you in",
  description: "Something went wrong while signing you in. Ask for a new link and try again.",
};

export default async function SignInErrorPage({ searchParams }: PageProps<"/sign-in/error">) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && MESSAGES[error]) || FALLBACK;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h1>{message.title}</h1></CardTitle>
        <CardDescription>{message.description}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild className="w-full">
          <Link href="/sign-in">Ask for a new link</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
