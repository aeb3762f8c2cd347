import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import type { Mailer } from "@/lib/email/mailer";
import { sendSignInEmail } from "@/lib/email/sign-in-email";
import { sameOriginRedirect } from "./redirect";

export const SIGN_IN_LINK_MAX_AGE_SECONDS = 60 * 60;

// Pure configuration: the database and the mailer come in, so tests run the
// same configuration through @auth/core against a test database.
export function buildAuthConfig(deps: { db: Db; mailer: Mailer; secret: string; trustHost?: boolean }): NextAuthConfig {
  return {
    adapter: DrizzleAdapter(deps.db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: deps.secret,
    basePath: "/api/auth",
    trustHost: deps.trustHost,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        from: deps.mailer.from,
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        async sendVerificationRequest({ identifier, url, expires }) {
          await sendSignInEmail(deps.mailer, { to: identifier, callbackUrl: url, expires });
        },
      },
    ],
    callbacks: {
      redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
      // What GET /api/auth/session answers, to any script on the page, and
      // what auth() returns: only what the app reads. Never the session token
      // (it is the httpOnly cookie's value).
      session: ({ session, user }) => ({
        expires: session.expires,
        user: { id: user.id, name: user.name ?? null, email: user.email },
      }),
    },
  };
}
