import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mailboxKey } from "@/lib/auth/mailbox";

const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/);
const tag = fc.stringMatching(/^[a-z0-9.+_-]{0,10}$/);
const domain = fc.constantFrom("example.com", "kith.example", "mail.example.org", "gmail.com", "googlemail.com");

describe("mailboxKey", () => {
  it.each([
    ["ada@example.com", "ada@example.com"],
    ["  Ada@Example.COM ", "ada@example.com"],
    ["ada+kith@example.com", "ada@example.com"],
    ["ada+a+b@example.com", "ada@example.com"],
    ["a.d.a@example.com", "a.d.a@example.com"],
    ["A.d.A+x@gmail.com", "ada@gmail.com"],
    ["ada@googlemail.com", "ada@gmail.com"],
    ["a.da+1@GoogleMail.com", "ada@gmail.com"],
  ])("%j → %j", (input, expected) => {
    expect(mailboxKey(input)).toBe(expected);
  });

  it("gives every +tag, case and spacing of an address the same key", () => {
    fc.assert(
      fc.property(localPart, tag, domain, fc.boolean(), (local, suffix, host, shout) => {
        const plain = `${local}@${host}`;
        const tagged = ` ${local}+${suffix}@${host} `;
        expect(mailboxKey(shout ? tagged.toUpperCase() : tagged)).toBe(mailboxKey(plain));
      }),
    );
  });

  it("gives Gmail addresses that differ only in dots the same key", () => {
    fc.assert(
      fc.property(localPart, fc.constantFrom("gmail.com", "googlemail.com"), (local, host) => {
        const dotted = [...local].join(".");
        expect(mailboxKey(`${dotted}@${host}`)).toBe(mailboxKey(`${local.replaceAll(".", "")}@gmail.com`));
      }),
    );
  });

  it("is stable and keeps different inboxes apart", () => {
    fc.assert(
      fc.property(localPart, localPart, domain, (a, b, host) => {
        const key = mailboxKey(`${a}@${host}`);
        expect(mailboxKey(key)).toBe(key);
        const strip = (local: string) => (host.includes("mail.com") ? local.replaceAll(".", "") : local);
        if (strip(a) !== strip(b)) expect(mailboxKey(`${b}@${host}`)).not.toBe(key);
      }),
    );
  });
});
