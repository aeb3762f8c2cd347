import { createElement } from "react";
import { render, toPlainText } from "@react-email/render";
import DigestEmail, { plural } from "@/emails/digest";
import type { DigestContent } from "./content";

// The subject says what is inside: the people shown in the email, not every
// overdue contact (the email links to the rest).
export function digestSubject(content: DigestContent): string {
  const reconnect = content.reconnect.length;
  const congratulate = content.congratulate.length;
  if (reconnect > 0 && congratulate > 0) {
    return `${plural(reconnect, "person", "people")} to reconnect with, ${congratulate} to congratulate`;
  }
  if (reconnect > 0) return `${plural(reconnect, "person", "people")} to reconnect with`;
  if (congratulate > 0) return `${plural(congratulate, "success", "successes")} to congratulate`;
  return "Your weekly Kith digest: all caught up";
}

// Rendered once: the text comes from the HTML (the digest scheduler renders
// thousands, and a second React render cost more than the conversion).
export async function renderDigest(content: DigestContent): Promise<{ subject: string; html: string; text: string }> {
  const html = await render(createElement(DigestEmail, content));
  return { subject: digestSubject(content), html, text: toPlainText(html) };
}
