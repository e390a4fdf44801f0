/**
 * Windows-1252 bytes 0x80-0x9F (curly quotes, dashes, the euro sign), from the WHATWG Encoding
 * Standard. Node 20.18.3+ decodes `windows-1252` (and every label mapped to it: latin1,
 * iso-8859-1, ascii) as ISO-8859-1, turning these into control characters (nodejs/node#60888).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

/** @example decodeWindows1252(Uint8Array.of(0x93, 0x41, 0x94)) // '“A”' */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]!))
}
