import { expect } from "vitest";
import type { DigestContact, DigestContent, DigestJournal, DigestSuccess } from "@/lib/digest/content";
import { sampleDigestContent } from "@/lib/digest/sample";

// Builders and matchers shared by the digest email's tests
// (tests/unit/digest-email.test.ts and tests/unit/digest-email-journal.test.ts).

export const appUrl = "https://kith.example.com";

export function content(overrides: Partial<DigestContent> = {}): DigestContent {
  return { ...sampleDigestContent(appUrl), ...overrides };
}

export function contactAt(index: number, overrides: Partial<DigestContact> = {}): DigestContact {
  const contact = sampleDigestContent(appUrl).reconnect[index];
  if (!contact) throw new Error(`the sample has no contact ${index}`);
  return { ...contact, ...overrides };
}

export function journalWith(overrides: Partial<DigestJournal> = {}): DigestJournal {
  const journal = sampleDigestContent(appUrl).journal;
  if (!journal) throw new Error("the sample has no journal section");
  return { ...journal, ...overrides };
}

export function successAt(index: number, overrides: Partial<DigestSuccess> = {}): DigestSuccess {
  const success = sampleDigestContent(appUrl).congratulate[index];
  if (!success) throw new Error(`the sample has no success ${index}`);
  return { ...success, ...overrides };
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const escapeAttr = (url: string) => url.replaceAll("&", "&amp;");

/** The HTML after the hidden preheader, which repeats the names. */
export const visibleHtml = (html: string) => html.slice(html.indexOf("<h1"));

/** Positions of each needle's first occurrence from `from` on; -1 when missing. */
function positions(haystack: string, needles: readonly string[], from = 0): number[] {
  return needles.map((needle) => haystack.indexOf(needle, from));
}

export function expectInOrder(haystack: string, needles: readonly string[], from = 0) {
  const found = positions(haystack, needles, from);
  expect(found.every((at) => at >= 0), `all of ${JSON.stringify(needles)} present`).toBe(true);
  expect([...found].sort((a, b) => a - b)).toEqual(found);
}

/** The plain text is a sequence of whitespace-separated words; a link's URL is one of them. */
export const words = (text: string) => text.split(/\s+/);
