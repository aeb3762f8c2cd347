import { render } from "@react-email/render";
import SignInEmail from "@/emails/sign-in";
import type { Mailer } from "./mailer";

// The link in the email opens a page whose button completes sign-in: mail
// scanners that follow links would otherwise use up the one-time token.
export function confirmationUrl(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  const confirm = new URL("/sign-in/confirm", url.origin);
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = url.searchParams.get(key);
    if (value !== null) confirm.searchParams.set(key, value);
  }
  return confirm.toString();
}

export async function sendSignInEmail(
  mailer: Mailer,
  params: { to: string; callbackUrl: string; expires: Date; now?: Date },
): Promise<void> {
  const url = confirmationUrl(params.callbackUrl);
  const expiresInMinutes = Math.max(
    1,
    Math.round((params.expires.getTime() - (params.now ?? new Date()).getTime()) / 60_000),
  );
  const email = SignInEmail({ url, host: new URL(url).host, expiresInMinutes });
  await mailer.send({
    to: params.to,
    subject: "Your Kith sign-in link",
    html: await render(email),
    text: await render(email, { plainText: true }),
  });
}
