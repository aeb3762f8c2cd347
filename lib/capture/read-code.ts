// What the scan dialog loads when it opens (with a dynamic import, so the
// decoder and the parsers are not in any page's first load): a frame or a
// photo in, what its code says about a contact out.

import { decodeQr, type RgbaImage } from "./decode-qr";
import { parseCapturedText } from "./parse";
import type { CapturedContact } from "./prefill";

export type CodeReading =
  | { status: "no-code" }
  | { status: "not-contact"; text: string }
  | { status: "contact"; text: string; contact: CapturedContact };

export function readCode(image: RgbaImage, options: { thorough?: boolean } = {}): CodeReading {
  const text = decodeQr(image, options);
  if (text === null) return { status: "no-code" };
  const captured = parseCapturedText(text);
  return captured ? { status: "contact", text, contact: captured.contact } : { status: "not-contact", text };
}
