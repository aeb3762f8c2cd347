import { describe, expect, it } from "vitest";
import { decodeQr } from "@/lib/capture/decode-qr";
import { quickAddRowFrom } from "@/lib/capture/fill";
import { parseCapturedText } from "@/lib/capture/parse";
import { qrImage } from "../helpers/qr-image";
import { emptyQuickAddRow } from "@/lib/domain/quick-add";

// Real QR codes, made by an encoder (the qrcode package) and read back by
// the decoder the scan dialog uses, then parsed into the row a scan adds.

function scanned(content: Parameters<typeof qrImage>[0], options?: Parameters<typeof qrImage>[1]) {
  const text = decodeQr(qrImage(content, options), { thorough: true });
  if (text === null) throw new Error("no QR code found");
  const captured = parseCapturedText(text);
  return { text, captured, row: captured ? quickAddRowFrom(captured.contact) : null };
}

describe("QR codes read into quick-add rows", () => {
  it("reads a vCard 3.0 with a non-ASCII name, folded lines and escapes", () => {
    const vcard = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N:Ōtsuka;Zoë;;;",
      "FN:Zoë Ōtsuka",
      "ORG:Kōbō Research\\, Inc.;Platform",
      "TITLE:Head of Platform",
      "TEL;TYPE=CELL:+81 90 1234 5678",
      "EMAIL;TYPE=INTERNET:Zoe.Otsuka@Example.JP",
      "URL:https://jp.linkedin.com/in/zoe-otsuka?trk=qr",
      "NOTE:Met at the Tokyo meetup\\; ask about",
      "  the robots.",
      "END:VCARD",
    ].join("\r\n");
    const { text, captured, row } = scanned(vcard);
    expect(text).toBe(vcard);
    expect(captured?.format).toBe("vcard");
    expect(captured?.contact).toEqual({
      name: "Zoë Ōtsuka",
      email: "zoe.otsuka@example.jp",
      phone: "+81 90 1234 5678",
      company: "Kōbō Research, Inc.",
      role: "Head of Platform",
      linkedin: "https://www.linkedin.com/in/zoe-otsuka",
      website: null,
      note: "Met at the Tokyo meetup; ask about the robots.",
    });
    expect(row).toEqual({
      ...emptyQuickAddRow(),
      name: "Zoë Ōtsuka",
      company: "Kōbō Research, Inc.",
      role: "Head of Platform",
      email: "zoe.otsuka@example.jp",
      note: "Met at the Tokyo meetup; ask about the robots.\nPhone: +81 90 1234 5678\nLinkedIn: https://www.linkedin.com/in/zoe-otsuka",
    });
  });

  it("reads a MeCard with a Polish name and backslash escapes", () => {
    const { captured, row } = scanned(
      "MECARD:N:Żółć,Łukasz;TEL:+48 22 123 45 67;EMAIL:lukasz@example.pl;ORG:Fabryka\\; Sp. z o.o.;TITLE:Inżynier;NOTE:Kraków\\, stoisko 12;URL:https://example.pl;;",
    );
    expect(captured?.format).toBe("mecard");
    expect(captured?.contact).toEqual({
      name: "Łukasz Żółć",
      email: "lukasz@example.pl",
      phone: "+48 22 123 45 67",
      company: "Fabryka; Sp. z o.o.",
      role: "Inżynier",
      linkedin: null,
      website: "https://example.pl/",
      note: "Kraków, stoisko 12",
    });
    expect(row).toMatchObject({ name: "Łukasz Żółć", company: "Fabryka; Sp. z o.o.", email: "lukasz@example.pl" });
  });

  it("reads a LinkedIn profile URL and names the person from it", () => {
    const { captured, row } = scanned("https://www.linkedin.com/in/ada-quinn-4b1a2c3d?utm_source=share&utm_medium=qr");
    expect(captured).toEqual({
      format: "linkedin",
      contact: {
        name: "Ada Quinn",
        email: null,
        phone: null,
        company: null,
        role: null,
        linkedin: "https://www.linkedin.com/in/ada-quinn-4b1a2c3d",
        website: null,
        note: null,
      },
    });
    expect(row).toEqual({ ...emptyQuickAddRow(), name: "Ada Quinn", note: "LinkedIn: https://www.linkedin.com/in/ada-quinn-4b1a2c3d" });
  });

  it("reads a LinkedIn URL whose slug is not ASCII", () => {
    const { captured } = scanned("https://pl.linkedin.com/in/łukasz-żółć");
    expect(captured?.contact).toMatchObject({
      name: "Łukasz Żółć",
      linkedin: "https://www.linkedin.com/in/%c5%82ukasz-%c5%bc%c3%b3%c5%82%c4%87",
    });
  });

  it("reads a light-on-dark code and a code drawn small", () => {
    expect(scanned("MECARD:N:Quinn,Ada;;", { isInverted: true }).captured?.contact.name).toBe("Ada Quinn");
    expect(scanned("MECARD:N:Quinn,Ada;;", { scale: 2 }).captured?.contact.name).toBe("Ada Quinn");
  });

  it("reads a code written in ISO-8859-1 bytes rather than UTF-8", () => {
    const latin1 = Uint8Array.from("MECARD:N:Müller,Zoë;;", (c) => c.charCodeAt(0));
    expect(scanned([{ data: latin1, mode: "byte" }]).captured?.contact.name).toBe("Zoë Müller");
  });

  it("finds nothing in an image without a code", () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    expect(decodeQr(blank, { thorough: true })).toBeNull();
  });

  it("decodes a code that is not a contact, which the parser then refuses", () => {
    const { text, captured } = scanned("https://example.com/menu");
    expect(text).toBe("https://example.com/menu");
    expect(captured).toBeNull();
  });
});
