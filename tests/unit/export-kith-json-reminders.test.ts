import { describe, expect, it } from "vitest";
import { FIRST_DUE_SHARE_SCALE } from "@/lib/domain/first-due";
import { parseKithExport } from "@/lib/validations/kith-export";
import { careerDoc as doc } from "../helpers/export-career-doc";
import { exportContact } from "../helpers/export-records";

// Version 4 carries a contact's "No reminders" and an imported contact's
// place in its batch's spread (lib/domain/first-due.ts); a version 3 file
// restores with reminders on and a full first cadence.

describe("reminders and first due dates in an export", () => {
  it("reads them back as written", () => {
    const file = {
      ...doc(),
      contacts: [
        exportContact({ id: "c1", remindersEnabled: false }),
        exportContact({ id: "c2", name: "Grace Hopper", firstDueShare: 250_000_000 }),
      ],
      touches: [],
      successes: [],
      wins: [],
      career: { goals: [], skills: [], learning: [] },
    };
    const parsed = parseKithExport(JSON.parse(JSON.stringify(file)));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.contacts.map(({ remindersEnabled, firstDueShare }) => ({ remindersEnabled, firstDueShare }))).toEqual([
      { remindersEnabled: false, firstDueShare: null },
      { remindersEnabled: true, firstDueShare: 250_000_000 },
    ]);
  });

  it("gives a version 3 file's contacts reminders and no spread, whatever it holds under those names", () => {
    const { contacts, ...rest } = doc();
    const version3 = {
      ...rest,
      version: 3,
      contacts: contacts.map(({ remindersEnabled, firstDueShare, ...contact }, index) => {
        void remindersEnabled;
        void firstDueShare;
        return index === 0 ? { ...contact, remindersEnabled: "garbage", firstDueShare: -1 } : contact;
      }),
    };
    const parsed = parseKithExport(version3);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.version).toBe(4);
    expect(parsed.data.contacts.map(({ remindersEnabled, firstDueShare }) => ({ remindersEnabled, firstDueShare }))).toEqual(
      contacts.map(() => ({ remindersEnabled: true, firstDueShare: null })),
    );
  });

  it.each([
    [{ remindersEnabled: "yes" }, "contacts[0].remindersEnabled"],
    [{ remindersEnabled: undefined }, "contacts[0].remindersEnabled"],
    [{ firstDueShare: 0 }, "contacts[0].firstDueShare"],
    [{ firstDueShare: FIRST_DUE_SHARE_SCALE + 1 }, "contacts[0].firstDueShare"],
    [{ firstDueShare: 1.5 }, "contacts[0].firstDueShare"],
    [{ firstDueShare: "1000" }, "contacts[0].firstDueShare"],
  ])("refuses a version 4 contact with %o, naming the field", (change, path) => {
    const file = doc();
    const [first, ...others] = file.contacts;
    const parsed = parseKithExport(JSON.parse(JSON.stringify({ ...file, contacts: [{ ...first, ...change }, ...others] })));
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining(path) });
  });
});
