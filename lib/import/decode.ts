// Turns an uploaded file's bytes into text. Exports come from many tools:
// LinkedIn and Google write UTF-8 (with or without a BOM), Excel's "Unicode
// Text" writes UTF-16 with a BOM, and an older Excel or Outlook on Windows
// writes windows-1252. Total: any bytes give a string, never an exception.

export const FILE_SIZE_LIMIT_BYTES = 20 * 1024 * 1024;
// Rows (or vCards) in one import: above what any source lets a person keep
// (LinkedIn 30,000 connections, Google Contacts 25,000, iCloud 50,000), so
// every real export fits. A 20 MB LinkedIn file holds 150,000+ rows; at
// 100,000 bench:import (PostgreSQL, 2 cores) previewed a re-import in 17 s
// (vCard: 38 s) at 1.2 GB peak memory, so the limit is half that. Parsers
// stop reading at the first row over it.
export const MAX_IMPORT_ROWS = 50_000;

const MEGABYTE = 1024 * 1024;

export function fileTooLargeMessage(size: number): string {
  // Rounded up, so a file just over the limit never reads "20.0 MB".
  const megabytes = (Math.ceil((size / MEGABYTE) * 10) / 10).toFixed(1);
  const limit = FILE_SIZE_LIMIT_BYTES / MEGABYTE;
  return `This file is ${megabytes} MB; Kith imports files up to ${limit} MB. Split it into smaller files and import them one after another.`;
}

export function tooManyRowsMessage(): string {
  const rows = MAX_IMPORT_ROWS.toLocaleString("en-GB");
  const limit = FILE_SIZE_LIMIT_BYTES / MEGABYTE;
  return `This file has more than ${rows} contacts; Kith imports up to ${rows} contacts (and ${limit} MB) at a time. Split it into smaller files and import them one after another.`;
}

// NUL characters are dropped: no file means them as text, and PostgreSQL
// refuses them in text and jsonb, so one NUL would fail the whole upload.
export function decodeFile(bytes: Uint8Array): string {
  return decodeText(bytes).replaceAll("\u0000", "");
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3)) ?? decodeWindows1252(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16le(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16le(swapBytePairs(bytes.subarray(2)));
  return decodeUtf8(bytes) ?? decodeWindows1252(bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

// null when the bytes are not valid UTF-8: then they are most likely
// windows-1252, where é is one byte that UTF-8 cannot start a character with.
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the caller has removed the one BOM that means "UTF-8"; a
    // second U+FEFF is text.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Not fatal: a lone surrogate or an odd trailing byte becomes U+FFFD.
function decodeUtf16le(bytes: Uint8Array): string {
  return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes);
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  // An odd trailing byte stays where it is; the decoder turns it into U+FFFD.
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1] ?? 0;
  return swapped;
}

// Bytes 0x80–0x9F as the WHATWG Encoding Standard maps them (€, smart
// quotes, dashes…); every other byte is the code point of the same number.
// Written out rather than `new TextDecoder("windows-1252")`: Node since
// 20.18.3 decodes that label as Latin-1, turning € and ’ into control
// characters (nodejs/node#60888).
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
