import type { Db } from "@/db/client";
import { type ActionResult, fail, invalid, ok } from "@/lib/actions/result";
import { signInInputSchema } from "@/lib/validations/auth";
import { checkSignInRateLimit, type SignInLimitPolicy } from "./rate-limit";
import { safeRedirectPath } from "./redirect";

export type SendSignInLink = (email: string, redirectTo: string) => Promise<void>;

export async function requestSignIn(
  db: Db,
  input: unknown,
  ctx: { ip: string; sendLink: SendSignInLink; now?: Date; policy?: SignInLimitPolicy },
): Promise<ActionResult<{ email: string }>> {
  const parsed = signInInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, callbackUrl } = parsed.data;

  const verdict = await checkSignInRateLimit(db, { email, ip: ctx.ip, now: ctx.now }, ctx.policy);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    const wait = `${minutes} minute${minutes === 1 ? "" : "s"}`;
    return fail(
      verdict.scope === "everyone"
        ? `Kith has sent as many sign-in emails as it may this hour. Try again in ${wait}.`
        : `Too many sign-in links were asked for. Wait ${wait} and try again, or use the last link you received.`,
    );
  }

  try {
    await ctx.sendLink(email, safeRedirectPath(callbackUrl));
  } catch (error) {
    console.error("sign-in link not sent", error);
    return fail("We could not send the sign-in email just now. Try again in a minute.");
  }
  return ok({ email });
}
