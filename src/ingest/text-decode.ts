import { decodeWindows1252 } from './windows-1252.js'

export type Decoded = { text: string } | { error: string }

export type DecodeOptions = {
  /** charset from a Content-Type header; a byte-order mark still wins, as browsers do */
  headerCharset?: string | undefined
  /** local files: undeclared bytes must be valid UTF-8, else the file is taken as binary */
  strictUtf8?: boolean
}

/**
 * Bytes to text: BOM, then the header charset, then a `<meta charset>` or `<?xml encoding>` declaration,
 * else UTF-8, falling back to windows-1252 when the bytes are not UTF-8. NUL bytes mean binary (no text format we read contains them).
 * @example decodeText(Buffer.from('Caf\xe9', 'latin1'), { headerCharset: 'windows-1252' }) // { text: 'Café' }
 */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bom = bomCharset(bytes)
  if (!bom && bytes.includes(0)) return { error: 'binary file, not text' }
  const declared = bom ?? usableLabel(opts.headerCharset) ?? usableLabel(sniffDeclaredCharset(bytes))
  if (declared === 'windows-1252') return { text: decodeWindows1252(bytes) }
  if (declared && declared !== 'utf-8') return { text: new TextDecoder(declared).decode(bytes) }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    // undeclared or wrongly declared bytes that are not UTF-8: windows-1252, as browsers fall back to,
    // rather than replacement characters; a local file in strict mode is taken as binary
    return opts.strictUtf8 ? { error: 'binary file, not text' } : { text: decodeWindows1252(bytes) }
  }
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  return undefined
}

/** A label TextDecoder knows, else undefined (an unknown label falls back to UTF-8 rather than failing). */
function usableLabel(label: string | undefined): string | undefined {
  if (!label) return undefined
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return undefined
  }
}

/** The charset a document declares in its first bytes, as HTML parsers pre-scan (the first 4 KB). */
export function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta) return meta[1]
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]
}

/** The charset parameter of a Content-Type header value. */
export function charsetParam(contentType: string | undefined): string | undefined {
  return contentType ? /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] : undefined
}
