import { createElement } from "react";
import DigestEmail, { digestText } from "@/emails/digest";
import { plural } from "@/emails/digest-parts";
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
  // Sent although nobody is waiting because the journal's question is asked.
  if (content.journal) return "All caught up: what went well this week?";
  return "Your weekly Kith digest: all caught up";
}

const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

// Rendered synchronously: the template suspends on nothing, so React
// Email's render() (a stream awaited for Suspense) gives the same markup at
// twice the cost, and the scheduler renders thousands. react-dom/server is
// imported where it is used, as @react-email/render does, so Next.js lets
// this module into server components (the settings preview).
export async function renderDigest(content: DigestContent): Promise<{ subject: string; html: string; text: string }> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  const html = DOCTYPE + renderToStaticMarkup(createElement(DigestEmail, content));
  return { subject: digestSubject(content), html, text: digestText(content) };
}
