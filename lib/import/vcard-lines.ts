// Reading vCard text: unfolding lines (RFC 6350 §3.2, vCard 2.1
// quoted-printable and base64 run-ons), splitting a line into group, name,
// parameters and value, undoing ENCODING and CHARSET, and backslash
// escapes. lib/import/vcard.ts turns the properties into contacts.

import { decodeWindows1252 } from "./decode";

export type VCardProperty = {
  group: string | null;
  /** Upper-cased. */
  name: string;
  /** Upper-cased names; values unquoted. TYPE=a,b and TYPE=a;TYPE=b both give TYPE: [a, b]. */
  params: Map<string, string[]>;
  /** As written: still escaped, still quoted-printable or base64 when encoded. */
  value: string;
  /** The whole unfolded line, as it appeared. */
  line: string;
};

// Lines a vCard 2.1 base64 block runs on with, no indent (a property line has a colon).
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const CARD_BOUNDARY = /^(?:BEGIN|END):VCARD\s*$/i;
const NAME_TOKEN = /^[A-Za-z0-9_-]+$/;
// Bare vCard 2.1 parameters that are encodings, not types (`TEL;CELL;PREF:` are types).
const BARE_ENCODINGS = new Set(["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"]);
// Each logical line, one at a time. Scans for line ends with indexOf
// rather than splitting: a 20 MB file is hundreds of thousands of lines.
export function* unfoldedLines(text: string): Generator<string, void, void> {
  let pieces: string[] = [];
  let mode: "plain" | "qp" | "base64" = "plain";
  let softBreak = false;
  let nextLf = text.indexOf("\n");
  let nextCr = text.indexOf("\r");
  let start = 0;
  const take = (): string => {
    // A soft break with nothing after it (a blank line, the card's end) is dropped.
    const last = pieces.length - 1;
    let piece = pieces[last] ?? "";
    while (softBreak && piece.endsWith("=")) piece = piece.slice(0, -1);
    pieces[last] = piece;
    const line = pieces.join("");
    pieces = [];
    return line;
  };
  while (start <= text.length) {
    if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf("\n", start);
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf("\r", start);
    const end = Math.min(nextLf === -1 ? text.length : nextLf, nextCr === -1 ? text.length : nextCr);
    const line = text.slice(start, end);
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    if (pieces.length > 0) {
      if (softBreak && line !== "" && !CARD_BOUNDARY.test(line)) {
        const last = pieces.length - 1;
        pieces[last] = (pieces[last] ?? "").slice(0, -1);
        pieces.push(line);
        softBreak = line.endsWith("=");
        continue;
      }
      const first = line.charCodeAt(0);
      if (!softBreak && (first === 0x20 || first === 0x09)) {
        pieces.push(line.slice(1));
        softBreak = mode === "qp" && line.endsWith("=");
        continue;
      }
      if (mode === "base64" && line !== "" && BASE64_LINE.test(line)) {
        pieces.push(line);
        continue;
      }
      yield take();
    }
    softBreak = false;
    // An indented line with nothing to continue (after a blank line) starts one.
    const first = line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09 ? line.trimStart() : line;
    if (first === "") continue;
    pieces.push(first);
    mode = encodingMode(first);
    softBreak = mode === "qp" && first.endsWith("=");
  }
  if (pieces.length > 0) yield take();
}

function encodingMode(line: string): "plain" | "qp" | "base64" {
  const colon = line.indexOf(":");
  if (colon === -1) return "plain";
  const header = line.slice(0, colon).toUpperCase();
  if (header.includes("QUOTED-PRINTABLE")) return "qp";
  return /ENCODING=(?:B|BASE64)(?![A-Z0-9-])|;BASE64(?![A-Z0-9-])/.test(header) ? "base64" : "plain";
}

/** One unfolded content line: `[group.]NAME[;param…]:value`. Null when the line is not one. */
export function parseVCardLine(line: string): VCardProperty | null {
  // The colon that ends the parameters; a quoted parameter value may hold one.
  let colon = -1;
  let inQuotes = false;
  let inParams = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22 && inParams) inQuotes = !inQuotes;
    else if (c === 0x3b && !inQuotes) inParams = true;
    else if (c === 0x3a && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon === -1) colon = line.indexOf(":");
  if (colon <= 0) return null;
  const [head = "", ...paramTexts] = splitOutsideQuotes(line.slice(0, colon), 0x3b);
  const dot = head.indexOf(".");
  const group = dot === -1 ? null : head.slice(0, dot).trim();
  const name = (dot === -1 ? head : head.slice(dot + 1)).trim();
  if (!NAME_TOKEN.test(name) || (group !== null && !NAME_TOKEN.test(group))) return null;
  const params = new Map<string, string[]>();
  for (const text of paramTexts) {
    const eq = text.indexOf("=");
    const key = eq === -1 ? "" : text.slice(0, eq).trim().toUpperCase();
    const raw = unquote((eq === -1 ? text : text.slice(eq + 1)).trim());
    if (eq === -1 && raw === "") continue;
    const paramName = eq !== -1 ? key : BARE_ENCODINGS.has(raw.toUpperCase()) ? "ENCODING" : "TYPE";
    const values = paramName === "TYPE" ? splitOutsideQuotes(raw, 0x2c).map((v) => unquote(v.trim())).filter(Boolean) : [raw];
    params.set(paramName, [...(params.get(paramName) ?? []), ...values]);
  }
  return { group, name: name.toUpperCase(), params, value: line.slice(colon + 1), line };
}

function splitOutsideQuotes(text: string, separator: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) inQuotes = !inQuotes;
    else if (c === separator && !inQuotes) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

export function param(prop: VCardProperty, name: string): string | null {
  return prop.params.get(name)?.[0] ?? null;
}

export function types(prop: VCardProperty): string[] {
  return (prop.params.get("TYPE") ?? []).map((t) => t.toLowerCase());
}

// The value with its ENCODING undone; backslash escapes are still there.
export function decoded(prop: VCardProperty): string {
  const encoding = param(prop, "ENCODING")?.toUpperCase();
  const charset = param(prop, "CHARSET") ?? "utf-8";
  if (encoding === "QUOTED-PRINTABLE") return decodeQuotedPrintable(prop.value, charset);
  if (encoding === "B" || encoding === "BASE64") return decodeBase64(prop.value, charset) ?? prop.value;
  return prop.value;
}

const decoders = new Map<string, TextDecoder>();
// An unknown CHARSET is read as UTF-8, what phones write.
function decodeBytes(bytes: Uint8Array, charset: string): string {
  const key = charset.trim().toLowerCase();
  let decoder = decoders.get(key);
  if (!decoder) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = new TextDecoder("utf-8");
    }
    decoders.set(key, decoder);
  }
  // Node's TextDecoder reads windows-1252 (and ISO-8859-1, its WHATWG alias) as Latin-1: see decode.ts.
  return decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// Bytes in =XX form are decoded with the charset; characters outside ASCII
// were already decoded with the file, so they are kept as they are.
function decodeQuotedPrintable(value: string, charset: string): string {
  const out: string[] = [];
  const bytes = new Uint8Array(value.length);
  let length = 0;
  const flushBytes = () => {
    if (length > 0) out.push(decodeBytes(bytes.subarray(0, length), charset));
    length = 0;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d) {
      const high = hexDigit(value.charCodeAt(i + 1));
      const low = hexDigit(value.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes[length++] = high * 16 + low;
        i += 2;
      } else if (i < value.length - 1) {
        bytes[length++] = c;
      }
    } else if (c < 0x80) {
      bytes[length++] = c;
    } else {
      flushBytes();
      out.push(value[i] ?? "");
    }
  }
  flushBytes();
  return out.join("");
}

function decodeBase64(value: string, charset: string): string | null {
  try {
    const binary = atob(value.replace(/\s/g, ""));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return decodeBytes(bytes, charset);
  } catch {
    return null;
  }
}

/** `\n` `\N` `\,` `\;` `\:` `\\` undone; any other backslash is kept (a Windows path in a note). */
export function unescapeText(text: string): string {
  if (!text.includes("\\")) return text;
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    const next = text[i + 1];
    const replacement = next === "n" || next === "N" ? "\n" : next === "," || next === ";" || next === ":" || next === "\\" ? next : null;
    if (replacement === null) continue;
    out.push(text.slice(start, i), replacement);
    start = i + 2;
    i++;
  }
  out.push(text.slice(start));
  return out.join("");
}

// Splits on separators that no backslash escapes; the parts stay escaped.
export function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function textOf(prop: VCardProperty): string {
  return unescapeText(decoded(prop));
}

/** The components of a structured value (N, ORG, ADR), unescaped and on one line. */
export function componentsOf(prop: VCardProperty): string[] {
  return splitEscaped(decoded(prop), ";").map((part) => oneLine(unescapeText(part)));
}

export function listOf(prop: VCardProperty): string[] {
  return splitEscaped(decoded(prop), ",")
    .map((part) => oneLine(unescapeText(part)))
    .filter(Boolean);
}
