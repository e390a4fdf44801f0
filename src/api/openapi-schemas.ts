// Components of the OpenAPI document (openapi.ts): response bodies and the shared query parameters.
// Written by hand from src/store/store.ts and src/store/types.ts; test/api.test.ts checks the routes.

const str = { type: 'string' }
const nstr = { type: ['string', 'null'] }
const int = { type: 'integer' }
const nint = { type: ['integer', 'null'] }
const num = { type: 'number' }
const nnum = { type: ['number', 'null'] }
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', required: Object.keys(properties), properties, ...extra })

const summaryFields = {
  read: int, stored: int, seen: int, skipped: int, failed: int, eventsNew: int, eventsMerged: int,
  failures: { type: 'array', items: obj({ ref: str, reason: str }) },
}
const evidence = { type: 'object', additionalProperties: { type: 'object', required: ['kind'], properties: { kind: { enum: ['spans', 'rule'] }, rule: str, spans: { type: 'array', items: obj({ start: int, end: int }) } } } }
const acledFields = {
  event_type: str, sub_event_type: str, disorder_type: str, actor1: nstr, assoc_actor_1: nstr, inter1: nint, actor2: nstr, assoc_actor_2: nstr,
  inter2: nint, interaction: nint, civilian_targeting: nstr, country: nstr, iso: nstr, admin1: nstr, admin2: nstr, location: nstr, latitude: nnum,
  longitude: nnum, geo_precision: nint, geo_status: { enum: ['resolved', 'unresolved'] }, event_date: nstr, time_precision: nint, fatalities: int,
  arrests: nint, background: { type: 'boolean' }, confidence: num, notes: str,
}

export const schemas = {
  Error: { type: 'object', required: ['error'], properties: { error: { ...str, description: 'what went wrong; for bad parameters `param: reason`, joined by "; "' }, detail: {} } },
  SitrepEvent: { ...obj(acledFields), properties: { ...acledFields, evidence, event_id: str }, description: 'one report\'s own coding of an event; evidence spans are UTF-16 offsets into that report\'s text' },
  StoredEvent: {
    type: 'object', description: 'a merged event: ACLED fields, corrections applied, per-source claims',
    required: ['event_id', 'event_type', 'event_date', 'fatalities', 'n_sources', 'sources', 'review'],
    properties: {
      ...acledFields, event_id: str, year: nint, region: nstr, admin3: nstr, source: str, source_scale: nstr, tags: nstr, timestamp: int, n_sources: int,
      sources: { type: 'array', items: { type: 'object' } }, merge_rules: { type: 'object', additionalProperties: str },
      corrections: { type: 'array', items: obj({ field: str, value: {}, comment: nstr, at: str, author: nstr }) },
      review: { enum: ['unreviewed', 'confirmed', 'rejected', 'corrected'] },
    },
  },
  EventPoint: obj({ event_id: str, latitude: num, longitude: num, event_type: str, fatalities: int, event_date: str }),
  StatsRow: obj({ period: { ...str, description: 'first day of the period (weeks start on Monday)' }, key: str, events: int, fatalities: int }),
  Report: obj({ id: str, title: nstr, url: nstr, source: nstr, published: nstr, text: str }),
  HistoryEntry: obj({ old_id: str, new_id: str, reason: str, at: str }),
  ReviewEntry: obj({ event_id: str, action: { enum: ['confirm', 'reject', 'correct'] }, fields: { type: ['object', 'null'] }, comment: nstr, author: nstr, at: str }),
  Place: obj({ name: str, country: str, admin1: nstr, latitude: num, longitude: num, kind: str, population: int }),
  // `stopped` is optional: present only when the store itself failed (full disk, read-only)
  IngestSummary: { ...obj(summaryFields), properties: { ...summaryFields, stopped: str } },
  ReportInput: {
    type: 'object', additionalProperties: false, required: ['text'],
    properties: { text: { ...str, minLength: 1 }, id: { type: ['string', 'integer'] }, title: nstr, published: { ...nstr, description: 'YYYY-MM-DD' }, url: nstr, source: nstr },
  },
  ReportUrl: { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { ...str, description: 'an http(s) page or feed, fetched by the server' } } },
  Review: {
    type: 'object', additionalProperties: false, required: ['action'],
    properties: {
      action: { enum: ['confirm', 'reject', 'correct'] },
      fields: { type: 'object', description: 'with action "correct": field -> corrected value (src/store/corrections.ts lists the fields)' },
      comment: { ...str, maxLength: 2000 },
    },
  },
  FeatureCollection: obj({ type: { const: 'FeatureCollection' }, features: { type: 'array', items: { type: 'object' } } }),
}

const q = (name: string, description: string, schema: Record<string, unknown> = str) => ({ name, in: 'query', required: false, description, schema })

/** The filters of `sitrep events` (src/store/query.ts), shared by /api/events and /api/stats. */
export const filterParameters = [
  q('country', 'country names or ISO codes, comma-separated'),
  q('admin1', 'first-level regions, comma-separated'),
  q('type', 'event types, comma-separated'),
  q('sub-type', 'sub-event types, comma-separated'),
  q('actor', 'part of an actor name, case-insensitive'),
  q('since', 'from this date, YYYY-MM-DD', { ...str, format: 'date' }),
  q('until', 'up to this date, YYYY-MM-DD', { ...str, format: 'date' }),
  q('bbox', 'west,south,east,north in degrees'),
  q('q', 'full text over notes and source reports'),
  q('min-fatalities', 'at least this many fatalities', { ...int, minimum: 0 }),
  q('min-confidence', 'at least this confidence: the chance, 0 to 1, that the event is real and rightly typed (e.g. 0.6)', { ...num, minimum: 0, maximum: 1 }),
  q('review', 'only events of these review statuses, comma-separated: unreviewed (no analyst confirmed, rejected or corrected it), confirmed, corrected, rejected. Given, it replaces the default that hides rejected events'),
  q('background', 'include events reports mention only as past context', { type: 'boolean' }),
]
export const cursorParameter = q('cursor', 'the `next` of the previous page (X-Next-Cursor for csv and geojson); only valid with the order it was made in')
export const orderParameter = q('order', 'desc: newest first; asc: oldest first; confidence: least certain first (with review=unreviewed, the review queue). Not used with format=points', { enum: ['desc', 'asc', 'confidence'], default: 'desc' })

export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } })
export const jsonResponse = (description: string, schema: Record<string, unknown>) => ({ description, content: { 'application/json': { schema } } })
export { ref, obj }
