import { describe, expect, it } from 'vitest'
import { decodeText } from './text-decode.js'

describe('decodeText', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b)
  it('decodes a declared windows-1252 header charset', () => {
    expect(decodeText(Buffer.from('Caf\xe9 \x93quoted\x94', 'latin1'), { headerCharset: 'windows-1252' })).toEqual({ text: 'Café “quoted”' })
  })
  it('reads <meta charset> when the header has none', () => {
    const html = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>Bogot'), bytes(0xe1), Buffer.from('</p>')])
    expect(decodeText(html)).toEqual({ text: '<meta charset="iso-8859-1"><p>Bogotá</p>' })
  })
  it('decodes latin1 labels as windows-1252, as browsers do', () => {
    expect(decodeText(bytes(0x80, 0x20, 0x96, 0x20, 0xe9), { headerCharset: 'ISO-8859-1' })).toEqual({ text: '€ – é' })
  })
  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodeText(Buffer.from('Kyiv – Київ'), { headerCharset: 'x-no-such-charset' })).toEqual({ text: 'Kyiv – Київ' })
  })
  it('takes NUL bytes, or invalid UTF-8 in strict mode, as binary', () => {
    expect(decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01))).toEqual({ error: 'binary file, not text' })
    expect(decodeText(bytes(0x41, 0xff, 0xfe, 0x42), { strictUtf8: true })).toEqual({ error: 'binary file, not text' })
    expect(decodeText(bytes(0x41, 0xc3, 0xa9))).toEqual({ text: 'Aé' })
  })
  it('reads undeclared or wrongly declared non-UTF-8 bytes as windows-1252, not as replacement characters', () => {
    expect(decodeText(Buffer.from('Lom\xe9 \x93attack\x94', 'latin1'))).toEqual({ text: 'Lomé “attack”' })
    expect(decodeText(Buffer.from('Lom\xe9', 'latin1'), { headerCharset: 'utf-8' })).toEqual({ text: 'Lomé' })
    expect(decodeText(Buffer.from('<meta charset="utf-8"><p>Lom\xe9</p>', 'latin1'))).toEqual({ text: '<meta charset="utf-8"><p>Lomé</p>' })
  })
  it('honours a UTF-16 byte-order mark', () => {
    expect(decodeText(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Gao', 'utf16le')]), { strictUtf8: true })).toEqual({ text: 'Gao' })
  })
})
