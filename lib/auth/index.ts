import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { defaultMailer } from "@/lib/email/mailer";
import { buildAuthConfig } from "./config";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

const nextAuth = NextAuth(async () => {
  const db = await getDb();
  return buildAuthConfig({ db, mailer: defaultMailer(db), secret: authSecret() });
});

export const { handlers, signIn, signOut } = nextAuth;

// One session lookup per request, however many components ask.
export const auth = cache(nextAuth.auth);

export async function currentUserId(): Promise<string | null> {
  return (await auth())?.user?.id ?? null;
}
