import { crc32, deflateSync } from "node:zlib";
import qrcode from "qrcode-generator";

// The QR code printed on the dossier, as a PNG data URL (react-pdf embeds PNG and JPEG only; the
// library's own data URL is a GIF). Black modules on white, 8-bit greyscale, a 4-module quiet zone.

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The modules of `text` (level M): true is dark. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** `data:image/png;base64,…` of the QR code of `text`, `scale` pixels per module. */
export function qrPngDataUrl(text: string, scale = 8, quietZone = 4): string {
  const matrix = qrMatrix(text);
  const modules = matrix.length + 2 * quietZone;
  const side = modules * scale;
  const raw = Buffer.alloc((side + 1) * side, 0xff);
  for (let y = 0; y < side; y++) {
    const row = y * (side + 1);
    raw[row] = 0; // filter: none
    const r = Math.floor(y / scale) - quietZone;
    if (r < 0 || r >= matrix.length) continue;
    for (let x = 0; x < side; x++) {
      const c = Math.floor(x / scale) - quietZone;
      if (c >= 0 && c < matrix.length && matrix[r]![c]) raw[row + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const png = Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
  return `data:image/png;base64,${png.toString("base64")}`;
}
