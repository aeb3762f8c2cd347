// An email belongs to one contact of a user (contact_emails_user_email_key,
// compared lower-cased). Where data made elsewhere gives one email to
// several contacts (an export from before that rule, a file edited by
// hand), the contact created first keeps it, as migration 0016 decided for
// the stored data, and the others list it under this extra field, which
// the export carries: nothing is lost.
export const EMAILS_ON_ANOTHER_CONTACT = "Emails also on another contact";

type WithEmails = { createdAt: string; emails: { email: string }[]; extra: Record<string, unknown> };

export function oneContactPerEmail<T extends WithEmails>(contacts: T[]): T[] {
  const byAge = contacts
    .map((contact, index) => ({ index, at: Date.parse(contact.createdAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const owners = new Map<string, number>();
  for (const { index } of byAge) {
    for (const row of contacts[index]?.emails ?? []) {
      const key = row.email.toLowerCase();
      if (!owners.has(key)) owners.set(key, index);
    }
  }
  return contacts.map((contact, index) => {
    const seen = new Set<string>();
    const moved: string[] = [];
    const emails = contact.emails.filter((row) => {
      const key = row.email.toLowerCase();
      // The same email twice on one contact is one row.
      if (seen.has(key)) return false;
      seen.add(key);
      if (owners.get(key) === index) return true;
      moved.push(row.email);
      return false;
    });
    if (emails.length === contact.emails.length) return contact;
    if (moved.length === 0) return { ...contact, emails };
    const listed = contact.extra[EMAILS_ON_ANOTHER_CONTACT];
    const before = typeof listed === "string" ? [listed] : Array.isArray(listed) ? listed : [];
    return { ...contact, emails, extra: { ...contact.extra, [EMAILS_ON_ANOTHER_CONTACT]: [...before, ...moved] } };
  });
}
