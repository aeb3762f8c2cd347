import { normalizeLinkedInUrl } from "./csv";

// The keys a row and a contact are matched and merged by: the same person
// written two ways has the same key.
export const phoneKey = (phone: string) => {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 7 ? digits.slice(-10) : null;
};
export const nameCompanyKey = (name: string, company: string | null) =>
  `${name.trim().toLowerCase()}\u0000${(company ?? "").trim().toLowerCase()}`;
export const linkKey = (url: string) => normalizeLinkedInUrl(url) ?? url.trim().replace(/\/+$/, "").toLowerCase();
export const same = (a: string | null, b: string | null) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
