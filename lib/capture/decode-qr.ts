// Finds and reads a QR code in an RGBA image (a camera frame or a photo
// drawn to a canvas). jsQR is plain JavaScript: it works offline, with no
// WebAssembly to fetch, and in Node for the tests.

import jsQR, { type QRCode } from "jsqr";
import { decodeWindows1252 } from "@/lib/import/decode";

export type RgbaImage = { data: Uint8ClampedArray; width: number; height: number };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The code's text, or null when the image holds none. `thorough` also looks
 * for light-on-dark codes: twice the work, worth it for a photo, not for
 * every camera frame.
 */
export function decodeQr(image: RgbaImage, options: { thorough?: boolean } = {}): string | null {
  const code = jsQR(image.data, image.width, image.height, {
    inversionAttempts: options.thorough ? "attemptBoth" : "dontInvert",
  });
  return code ? codeText(code) : null;
}

// Phones and QR generators write UTF-8 in byte mode; the standard's default
// is ISO-8859-1, read here as windows-1252 (its superset) when the bytes
// are not UTF-8. The bytes are decoded together, so a character split over
// two segments survives. Kanji mode is Shift JIS, which jsQR decodes.
function codeText(code: QRCode): string {
  if (code.chunks.some((chunk) => chunk.type === "kanji")) return code.data;
  const bytes = Uint8Array.from(code.binaryData);
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
