import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auth } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl } = await searchParams;
  const destination = safeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await auth()) redirect(destination);
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild><h1>Sign in to Kith</h1></CardTitle>
        <CardDescription>
          We email you a link; no password to remember. New here? The same link creates your account.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm callbackUrl={destination} />
      </CardContent>
    </Card>
  );
}
