const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

// The inbox an address delivers to, as far as we can tell from the address
// alone: "Ada.L+kith@GoogleMail.com" and "adal@gmail.com" are one inbox, so
// they share one sign-in budget. Only the rate limit keys on this; the email
// still goes to the address as typed.
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at === -1) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus !== -1) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
