/**
 * Bytes of an exported file → text, without Node's Buffer or TextDecoder (neither exists in Apps
 * Script). MIS exports arrive as UTF-8 (often with a BOM, which Excel writes), as UTF-16 from
 * Excel's "Unicode text", or as Windows-1252 from older Excel "CSV" saves — where "Zoë" is the
 * single byte 0xEB, which is not valid UTF-8. So: BOM first, then strict UTF-8, then Windows-1252.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

// Windows-1252 bytes 0x80–0x9F (the rest of the code page is Latin-1). Unassigned bytes
// (81, 8D, 8F, 90, 9D) map to the same code point, as the WHATWG Encoding Standard does.
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Apps Script's Blob.getBytes() gives signed bytes (-128…127); mask them to 0…255. */
function byteAt(bytes: ArrayLike<number>, i: number): number {
  return bytes[i] & 0xff;
}

function fromCodePoints(cps: number[]): string {
  let s = '';
  // In chunks: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < cps.length; i += 8192) s += String.fromCharCode.apply(null, cps.slice(i, i + 8192));
  return s;
}

/** Strict UTF-8 (no overlongs, no surrogates); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: ArrayLike<number>, start = 0): string | null {
  const units: number[] = [];
  let i = start;
  while (i < bytes.length) {
    const b = byteAt(bytes, i);
    let cp: number;
    let extra: number;
    let min: number;
    if (b < 0x80) { units.push(b); i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { cp = b & 0x1f; extra = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { cp = b & 0x0f; extra = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { cp = b & 0x07; extra = 3; min = 0x10000; }
    else return null;
    if (i + extra >= bytes.length) return null; // a character cut off at the end
    for (let k = 1; k <= extra; k++) {
      const c = byteAt(bytes, i + k);
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else units.push(cp);
    i += extra + 1;
  }
  return fromCodePoints(units);
}

export function decodeWindows1252(bytes: ArrayLike<number>, start = 0): string {
  const units: number[] = [];
  for (let i = start; i < bytes.length; i++) {
    const b = byteAt(bytes, i);
    units.push(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b);
  }
  return fromCodePoints(units);
}

function decodeUtf16(bytes: ArrayLike<number>, start: number, littleEndian: boolean): string {
  const units: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    const a = byteAt(bytes, i);
    const b = byteAt(bytes, i + 1);
    units.push(littleEndian ? a | (b << 8) : (a << 8) | b);
  }
  return fromCodePoints(units);
}

export function decodeText(bytes: ArrayLike<number>): DecodedText {
  const b0 = bytes.length > 0 ? byteAt(bytes, 0) : -1;
  const b1 = bytes.length > 1 ? byteAt(bytes, 1) : -1;
  const b2 = bytes.length > 2 ? byteAt(bytes, 2) : -1;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const t = decodeUtf8(bytes, 3);
    if (t !== null) return { text: t, encoding: 'utf-8', bom: true };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be', bom: true };
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
}
