import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAILS_ON_ANOTHER_CONTACT, oneContactPerEmail } from "@/lib/domain/email-owners";

const contact = (createdAt: string, emails: string[], extra: Record<string, unknown> = {}) => ({
  createdAt,
  extra,
  emails: emails.map((email) => ({ email, label: null })),
});

describe("oneContactPerEmail", () => {
  it("gives a shared email to the contact created first and lists it with the others", () => {
    const [newer, older, third] = oneContactPerEmail([
      contact("2021-01-01T00:00:00Z", ["own@x.example", "OWN@x.example", "Shared@x.example"], { [EMAILS_ON_ANOTHER_CONTACT]: "before@x.example" }),
      contact("2020-01-01T00:00:00Z", ["shared@x.example"]),
      contact("2021-01-01T00:00:00Z", ["shared@X.example"], { note: "kept" }),
    ]);
    expect(older?.emails.map((row) => row.email)).toEqual(["shared@x.example"]);
    expect(newer?.emails.map((row) => row.email)).toEqual(["own@x.example"]);
    expect(newer?.extra).toEqual({ [EMAILS_ON_ANOTHER_CONTACT]: ["before@x.example", "Shared@x.example"] });
    expect(third).toEqual(contact("2021-01-01T00:00:00Z", [], { note: "kept", [EMAILS_ON_ANOTHER_CONTACT]: ["shared@X.example"] }));
  });

  it("leaves contacts whose emails are their own as they are", () => {
    const input = [contact("2020-01-01T00:00:00Z", ["a@x.example"]), contact("2019-01-01T00:00:00Z", ["b@x.example"])];
    const output = oneContactPerEmail(input);
    expect(output[0]).toBe(input[0]);
    expect(output[1]).toBe(input[1]);
  });

  it("keeps each email, in any case, on exactly one contact, and loses none", () => {
    const email = fc.constantFrom("a@x.example", "A@x.example", "b@x.example", "c@X.example", "C@x.example");
    const contacts = fc.array(
      fc.record({ day: fc.integer({ min: 1, max: 28 }), emails: fc.array(email, { maxLength: 4 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(contacts, (drawn) => {
        const input = drawn.map(({ day, emails }) => contact(`2020-01-${String(day).padStart(2, "0")}T00:00:00Z`, emails));
        const output = oneContactPerEmail(input);
        const kept = output.flatMap((row) => row.emails.map((e) => e.email.toLowerCase()));
        expect(new Set(kept).size).toBe(kept.length);
        expect(new Set(kept)).toEqual(new Set(input.flatMap((row) => row.emails.map((e) => e.email.toLowerCase()))));
      }),
    );
  });
});
