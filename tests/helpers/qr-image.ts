import QRCode from "qrcode";
import type { RgbaImage } from "@/lib/capture/decode-qr";

// A real QR code as a camera or a photo would give it: the encoder's module
// matrix drawn as RGBA pixels, `scale` pixels a module, with the quiet zone
// of `margin` modules the standard asks for around it.
export function qrImage(
  content: string | QRCode.QRCodeSegment[],
  options: { scale?: number; margin?: number; isInverted?: boolean } = {},
): RgbaImage {
  const { scale = 4, margin = 4, isInverted = false } = options;
  const { modules } = QRCode.create(content, { errorCorrectionLevel: "M" });
  const side = (modules.size + margin * 2) * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - margin;
      const col = Math.floor(x / scale) - margin;
      const isInside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      const isDark = isInside && modules.get(row, col) === 1;
      const value = isDark !== isInverted ? 0 : 255;
      const at = (y * side + x) * 4;
      data[at] = value;
      data[at + 1] = value;
      data[at + 2] = value;
      data[at + 3] = 255;
    }
  }
  return { data, width: side, height: side };
}
