import { describe, expect, it } from "vitest";
import type { Mail, Mailer } from "@/lib/email/mailer";
import { confirmationUrl, sendSignInEmail } from "@/lib/email/sign-in-email";

const authUrl =
  "http://localhost:3000/api/auth/callback/email?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fsettings&token=abc123&email=ada%40example.com";

describe("sign-in email", () => {
  it("points at the confirmation page with the token, email and callback", () => {
    const url = new URL(confirmationUrl(authUrl));
    expect(url.origin).toBe("http://localhost:3000");
    expect(url.pathname).toBe("/sign-in/confirm");
    expect(url.searchParams.get("token")).toBe("abc123");
    expect(url.searchParams.get("email")).toBe("ada@example.com");
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3000/settings");
  });

  it("renders HTML and plain text that both carry the link and its lifetime", async () => {
    const sent: Mail[] = [];
    const mailer: Mailer = {
      from: "Kith <k@example.com>",
      send: async (mail) => (sent.push(mail), { id: "1", via: "outbox" }),
      sendBatch: async () => [],
    };
    const now = new Date("2026-11-25T10:00:00Z");
    await sendSignInEmail(mailer, { to: "ada@example.com", callbackUrl: authUrl, expires: new Date(now.getTime() + 3_600_000), now });
    const [mail] = sent;
    const link = confirmationUrl(authUrl);
    expect(mail?.to).toBe("ada@example.com");
    expect(mail?.text).toContain(link);
    expect(mail?.text).toContain("60 minutes");
    expect(mail?.html).toContain(link.replaceAll("&", "&amp;"));
    expect(mail?.html).toContain("<html");
    expect(mail?.text).not.toContain("<");
  });
});
