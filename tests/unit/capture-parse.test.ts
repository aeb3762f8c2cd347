import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withPrefill } from "@/lib/capture/fill";
import { nameFromLinkedInUrl, parseCapturedText, parseShare } from "@/lib/capture/parse";
import { contactPrefillSchema, EMPTY_PREFILL, prefillSearchParams, toPrefill } from "@/lib/capture/prefill";
import { contactFormSchema, EMPTY_CONTACT_FORM } from "@/lib/validations/contact";
import { quickAddRowSchema } from "@/lib/validations/quick-add";

const contactOf = (text: string) => parseCapturedText(text)?.contact ?? null;

describe("parseCapturedText: vCard", () => {
  it("reads vCard 2.1 quoted-printable in a charset, and takes the first card", () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:2.1",
      "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=BB=C3=B3=C5=82=C4=87;=C5=81ukasz",
      "TEL;CELL:+48 600 100 200",
      "END:VCARD",
      "BEGIN:VCARD",
      "FN:Someone Else",
      "END:VCARD",
    ].join("\n");
    expect(contactOf(text)).toMatchObject({ name: "Łukasz Żółć", phone: "+48 600 100 200" });
  });

  it("reads vCard 4.0 tel: URIs and keeps a website apart from LinkedIn", () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:4.0",
      "FN:Ada Quinn",
      "TEL;VALUE=uri;TYPE=cell:tel:+1-555-555-0100",
      "URL:https://ada.example",
      "X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/AdaQ",
      "END:VCARD",
    ].join("\r\n");
    expect(contactOf(text)).toMatchObject({
      name: "Ada Quinn",
      phone: "+1-555-555-0100",
      website: "https://ada.example/",
      linkedin: "https://www.linkedin.com/in/adaq",
    });
  });

  it("drops a field the contact form would refuse and keeps the rest", () => {
    const text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Quinn\nTEL:call me maybe\nEMAIL:not-an-email\nURL:javascript:alert(1)\nEND:VCARD";
    expect(contactOf(text)).toEqual({ ...EMPTY_PREFILL, name: "Ada Quinn" });
  });

  it("cuts a name longer than the form takes", () => {
    expect(contactOf(`BEGIN:VCARD\nFN:${"Ä".repeat(300)}\nEND:VCARD`)?.name).toBe("Ä".repeat(200));
  });

  it("finds no contact in a card with no name, email or company, or an unterminated header", () => {
    expect(parseCapturedText("BEGIN:VCARD\nVERSION:3.0\nTEL:+44 20 7946 0958\nEND:VCARD")).toBeNull();
    expect(parseCapturedText("BEGIN:VCARD")).toBeNull();
  });
});

describe("parseCapturedText: MeCard", () => {
  it("reads N as family,given, unless it has no comma", () => {
    expect(contactOf("MECARD:N:Quinn,Ada;;")?.name).toBe("Ada Quinn");
    expect(contactOf("MECARD:N:Ada Quinn;;")?.name).toBe("Ada Quinn");
    expect(contactOf("mecard:n:Quinn,Ada;")?.name).toBe("Ada Quinn");
  });

  it("writes Chinese, Japanese and Korean names family name first", () => {
    expect(contactOf("MECARD:N:山田,太郎;;")?.name).toBe("山田 太郎");
  });

  it("undoes escapes and keeps colons in values", () => {
    expect(contactOf("MECARD:N:O\\,Brien\\;x,Sean;NOTE:a\\:b\\\\c;URL:https://linkedin.com/in/sean;;")).toMatchObject({
      name: "Sean O,Brien;x",
      note: "a:b\\c",
      linkedin: "https://www.linkedin.com/in/sean",
      website: null,
    });
  });

  it("takes the first of repeated fields, and falls back to the organisation for a name", () => {
    expect(contactOf("MECARD:ORG:Acme;TEL:+44 20 7946 0958;TEL:+44 1632 960000;;")).toMatchObject({
      name: "Acme",
      company: "Acme",
      phone: "+44 20 7946 0958",
    });
    expect(contactOf("MECARD:TEL:+44 20 7946 0958;TEL:+44 2;;")).toBeNull();
  });
});

describe("parseCapturedText: LinkedIn profile URLs", () => {
  it.each([
    "linkedin.com/in/ada-quinn",
    "www.linkedin.com/in/Ada-Quinn/",
    "https://uk.linkedin.com/in/ada-quinn?trk=public_profile",
    "http://linkedin.com/in/ada-quinn#about",
    "  https://www.linkedin.com/in/ada-quinn/details/experience/  ",
  ])("normalises %s", (text) => {
    expect(parseCapturedText(text)).toEqual({
      format: "linkedin",
      contact: { ...EMPTY_PREFILL, name: "Ada Quinn", linkedin: "https://www.linkedin.com/in/ada-quinn" },
    });
  });

  it.each([
    "https://linkedin.com.evil.example/in/ada",
    "https://evil-linkedin.com/in/ada",
    "https://www.linkedin.com@evil.example/in/ada",
    "https://user:pw@www.linkedin.com/in/ada",
    "https://www.linkedin.com/company/acme",
    "https://www.linkedin.com/in/",
    "javascript://www.linkedin.com/in/ada",
    "ftp://www.linkedin.com/in/ada",
    "https://www.linkedin.com/in/ada and more",
  ])("refuses %s", (text) => {
    expect(parseCapturedText(text)?.format).not.toBe("linkedin");
    expect(parseCapturedText(text)?.contact.linkedin ?? null).toBeNull();
  });

  it("names a person from the slug's words, without LinkedIn's trailing id", () => {
    expect(nameFromLinkedInUrl("https://www.linkedin.com/in/ada-quinn-0a1b2c3")).toBe("Ada Quinn");
    expect(nameFromLinkedInUrl("https://www.linkedin.com/in/jean-luc_picard")).toBe("Jean Luc Picard");
    expect(nameFromLinkedInUrl("https://www.linkedin.com/in/aq1984")).toBe("Aq1984");
    expect(nameFromLinkedInUrl("https://www.linkedin.com/in/%c3%a9mile-zola")).toBe("Émile Zola");
    expect(nameFromLinkedInUrl("https://www.linkedin.com/in/%zz-bad")).toBe("%zz Bad");
  });
});

describe("parseCapturedText: an email as plain text", () => {
  it("reads Name <email>, a quoted name, a bare email and a mailto: link", () => {
    expect(contactOf("Ada Quinn <Ada@Example.com>")).toEqual({ ...EMPTY_PREFILL, name: "Ada Quinn", email: "ada@example.com" });
    expect(contactOf('"Quinn, Ada" <ada@example.com>')?.name).toBe("Quinn, Ada");
    expect(contactOf("ada.quinn@example.com")).toMatchObject({ name: "Ada Quinn", email: "ada.quinn@example.com" });
    expect(contactOf("mailto:ada.quinn@example.com?subject=Hello")).toMatchObject({ name: "Ada Quinn", email: "ada.quinn@example.com" });
  });

  it("keeps the lines after the person as a note", () => {
    expect(contactOf("\nZoë Ōtsuka <zoe@example.jp>\nMet at the booth.\nLikes robots.")).toMatchObject({
      name: "Zoë Ōtsuka",
      note: "Met at the booth.\nLikes robots.",
    });
  });

  it.each(["", "   ", "hello world", "Ada Quinn", "https://example.com", "WIFI:S:cafe;T:WPA;P:secret;;", "a@b", "Ada <a@x.com>, Bo <b@x.com>"])(
    "finds no contact in %j",
    (text) => {
      expect(parseCapturedText(text)).toBeNull();
    },
  );

  it("reads nothing from a text far longer than any code holds", () => {
    expect(parseCapturedText(`ada@example.com ${"x".repeat(100_001)}`)).toBeNull();
  });
});

describe("parseCapturedText over any input", () => {
  const pieces = fc.constantFrom(
    "BEGIN:VCARD\n",
    "END:VCARD\n",
    "FN:",
    "MECARD:",
    "N:",
    ";",
    ",",
    "\\",
    ":",
    "=C3=",
    "ENCODING=QUOTED-PRINTABLE:",
    "EMAIL:",
    "ada@example.com",
    "<",
    ">",
    "linkedin.com/in/",
    "https://",
    "Zoë",
    "\n ",
    "\r\n",
    "%",
  );
  const messy = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((parts) => parts.join("")));

  it("never throws, and what it gives passes the forms' own schemas", () => {
    fc.assert(
      fc.property(messy, (text) => {
        const captured = parseCapturedText(text);
        if (!captured) return;
        const { contact } = captured;
        expect(contact.name.trim()).not.toBe("");
        expect(contactFormSchema.safeParse(withPrefill({ ...EMPTY_CONTACT_FORM, emails: [] }, contact)).error?.issues ?? []).toEqual([]);
        expect(quickAddRowSchema.safeParse({ name: contact.name, email: contact.email, company: contact.company, role: contact.role }).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseShare", () => {
  it("reads a shared LinkedIn URL, named from the page title when it has one", () => {
    expect(parseShare({ url: "https://www.linkedin.com/in/ada-quinn", title: "Ada Quinn - Staff Engineer - Acme | LinkedIn" })).toEqual({
      ...EMPTY_PREFILL,
      name: "Ada Quinn",
      linkedin: "https://www.linkedin.com/in/ada-quinn",
    });
    expect(parseShare({ url: "https://www.linkedin.com/in/ada-quinn", title: "LinkedIn" }).name).toBe("Ada Quinn");
  });

  it("finds a LinkedIn URL inside shared text", () => {
    expect(parseShare({ text: "Have a look at my profile: https://www.linkedin.com/in/zoe-otsuka?utm_source=share." })).toMatchObject({
      name: "Zoe Otsuka",
      linkedin: "https://www.linkedin.com/in/zoe-otsuka",
    });
  });

  it("reads a shared contact as text", () => {
    expect(parseShare({ text: "Łukasz Żółć <lukasz@example.pl>" })).toMatchObject({ name: "Łukasz Żółć", email: "lukasz@example.pl" });
    expect(parseShare({ text: "MECARD:N:Quinn,Ada;EMAIL:ada@example.com;;" })).toMatchObject({ name: "Ada Quinn" });
  });

  it("keeps any other text as a note and the URL as a link, for the person to finish", () => {
    expect(parseShare({ title: "A page", text: "Met her at the conference", url: "https://ada.example/about" })).toEqual({
      ...EMPTY_PREFILL,
      note: "Met her at the conference",
      website: "https://ada.example/about",
    });
    expect(parseShare({ title: "Only a title" })).toEqual({ ...EMPTY_PREFILL, note: "Only a title" });
    expect(parseShare({})).toEqual(EMPTY_PREFILL);
  });
});

describe("the prefill's query string", () => {
  it("round-trips through /contacts/new's parameters", () => {
    const prefill = toPrefill({ name: "Zoë Ōtsuka", email: "zoe@example.jp", linkedin: "linkedin.com/in/zoe", note: "a\nb" });
    const params = Object.fromEntries(prefillSearchParams(prefill));
    expect(params).toEqual({ name: "Zoë Ōtsuka", email: "zoe@example.jp", linkedin: "https://www.linkedin.com/in/zoe", note: "a\nb" });
    expect(contactPrefillSchema.parse(params)).toEqual(prefill);
  });

  it("drops what is invalid, takes the first of repeated values and caps lengths", () => {
    expect(
      contactPrefillSchema.parse({
        name: ["Ada", "Bo"],
        email: "nope",
        phone: "+44 20 7946 0958",
        linkedin: "https://evil.example/in/ada",
        website: "data:text/html,hi",
        company: "x".repeat(500),
        note: "n".repeat(5000),
        role: 42,
        unknown: "x",
      }),
    ).toEqual({
      ...EMPTY_PREFILL,
      name: "Ada",
      phone: "+44 20 7946 0958",
      company: "x".repeat(200),
      note: "n".repeat(2000),
    });
    expect(contactPrefillSchema.parse({ name: "x".repeat(20_001) }).name).toBeNull();
  });
});

describe("withPrefill", () => {
  it("fills the first empty email row and adds the phone, links and note once", () => {
    const prefill = { ...EMPTY_PREFILL, name: "Ada Quinn", email: "ada@example.com", phone: "+44 1632 960000", linkedin: "https://www.linkedin.com/in/ada", note: "From the booth" };
    const once = withPrefill({ ...EMPTY_CONTACT_FORM, notes: "Old note" }, prefill);
    expect(once).toMatchObject({
      name: "Ada Quinn",
      emails: [{ email: "ada@example.com", label: "" }],
      phones: [{ phone: "+44 1632 960000", label: "" }],
      links: [{ url: "https://www.linkedin.com/in/ada", label: "LinkedIn" }],
      notes: "Old note\n\nFrom the booth",
    });
    expect(withPrefill(once, prefill)).toEqual(once);
    expect(withPrefill(once, { ...prefill, email: "other@example.com" }).emails).toEqual([
      { email: "ada@example.com", label: "" },
      { email: "other@example.com", label: "" },
    ]);
  });
});
