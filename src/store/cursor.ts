/** Keyset position after the last event of a page: (event_date, event_id), opaque to clients. */
export type Cursor = { date: string; id: string }

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.date, c.id])).toString('base64url')
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { date: v[0], id: v[1] }
  } catch { /* falls through to the error below */ }
  throw new RangeError('cursor: not a cursor returned by a previous page')
}
