"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { requestSignIn } from "@/lib/auth/request-sign-in";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

export async function requestSignInLink(input: { email: string; callbackUrl?: string }) {
  const db = await getDb();
  return requestSignIn(db, input, {
    ip: clientAddress(await headers(), { trustedProxyHops: env().KITH_TRUSTED_PROXY_HOPS }),
    sendLink: async (email, redirectTo) => {
      const next = await signIn("email", { email, redirectTo, redirect: false });
      // Auth.js reports a failed send as a redirect to its error page.
      if (typeof next === "string" && next.includes("error=")) throw new Error(`sign-in failed: ${next}`);
    },
  });
}
