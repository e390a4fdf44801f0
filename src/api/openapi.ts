import { json } from './api-error.js'
import { cursorParameter, errorResponse, filterParameters, jsonResponse, obj, orderParameter, ref, schemas } from './openapi-schemas.js'
import type { Route } from './route.js'

const errors = {
  400: errorResponse('bad parameters or body; the message names each parameter'),
  404: errorResponse('unknown route or id'),
  500: errorResponse('internal error (details only in the server log)'),
}
const writeErrors = {
  ...errors,
  401: errorResponse('missing or wrong bearer token (WWW-Authenticate: Bearer)'),
  403: errorResponse('writes are disabled: the server has no SITREP_TOKEN'),
  413: errorResponse('body over the limit (default 1 MiB)'),
  415: errorResponse('unsupported Content-Type'),
}
const param = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema })
const idParam = { name: 'id', in: 'path', required: true, description: 'an event id; an id merged into another event resolves to it', schema: { type: 'string' } }

/** The OpenAPI 3.1 description of every /api route; test/api.test.ts checks it against the app's routes. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Sitrep API', version: '0.1.0', description: 'ACLED-style events coded from news reports. Reads are open; writes need `Authorization: Bearer TOKEN` (the server\'s SITREP_TOKEN). A token in the query string is refused with 400.' },
  components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  paths: {
    '/api/events': {
      get: {
        summary: 'Events matching the filters, newest first (or oldest first, or least certain first: see order)',
        parameters: [
          param('format', 'json: a page; geojson / csv: an export (all matches without limit); points: map points', { enum: ['json', 'geojson', 'csv', 'points'], default: 'json' }),
          param('limit', 'page size (json default 100, max 10000); for points default and max 200000', { type: 'integer', minimum: 1 }),
          orderParameter, cursorParameter, ...filterParameters,
        ],
        responses: {
          200: {
            description: 'json: { events, next }; points: columns { count, types, event_id[], latitude[], longitude[], type[] (index into types), fatalities[], event_date[] }; geojson: a FeatureCollection; csv: ACLED\'s 31 columns. X-Next-Cursor holds the next cursor of a geojson or csv page.',
            headers: { 'X-Next-Cursor': { schema: { type: 'string' } } },
            content: {
              'application/json': { schema: { oneOf: [obj({ events: { type: 'array', items: ref('StoredEvent') }, next: { type: ['string', 'null'] } }), obj({ count: { type: 'integer' }, types: { type: 'array', items: { type: 'string' } }, event_id: { type: 'array', items: { type: 'string' } }, latitude: { type: 'array', items: { type: 'number' } }, longitude: { type: 'array', items: { type: 'number' } }, type: { type: 'array', items: { type: 'integer' } }, fatalities: { type: 'array', items: { type: 'integer' } }, event_date: { type: 'array', items: { type: 'string' } } })] } },
              'application/geo+json': { schema: ref('FeatureCollection') },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errors,
        },
      },
    },
    '/api/events/{id}': {
      get: {
        summary: 'One event, its sources (each report with its text and its own coding, evidence spans into the text), merge history and reviews',
        parameters: [{ ...idParam, in: 'path' }],
        responses: {
          200: jsonResponse('the event under its current id', obj({
            event: ref('StoredEvent'),
            sources: { type: 'array', items: obj({ report: ref('Report'), idx: { type: 'integer' }, event: ref('SitrepEvent') }) },
            history: { type: 'array', items: ref('HistoryEntry') },
            reviews: { type: 'array', items: ref('ReviewEntry') },
          })),
          ...errors,
        },
      },
    },
    '/api/events/{id}/review': {
      post: {
        summary: 'Confirm, reject or correct an event (author "api")',
        security: [{ bearer: [] }],
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema: ref('Review') } } },
        responses: { 200: jsonResponse('the event after the review', obj({ event: ref('StoredEvent') })), ...writeErrors },
      },
    },
    '/api/stats': {
      get: {
        summary: 'Events and fatalities per period and key',
        parameters: [
          param('bucket', 'period length (weeks start on Monday)', { enum: ['day', 'week', 'month'], default: 'week' }),
          param('by', 'what the series are split by', { enum: ['event_type', 'country', 'admin1'], default: 'event_type' }),
          ...filterParameters,
        ],
        responses: { 200: jsonResponse('one row per period and key', obj({ bucket: { type: 'string' }, by: { type: 'string' }, series: { type: 'array', items: ref('StatsRow') } })), ...errors },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Actor names with their number of events, most frequent first',
        parameters: [param('q', 'part of the name', { type: 'string', maxLength: 200 }), param('limit', 'at most this many', { type: 'integer', minimum: 1, maximum: 1000, default: 50 })],
        responses: { 200: jsonResponse('actors', obj({ actors: { type: 'array', items: obj({ name: { type: 'string' }, events: { type: 'integer' } }) } })), ...errors },
      },
    },
    '/api/places': {
      get: {
        summary: 'Gazetteer places of this name (or alternate name), the most populous first, at most 20',
        parameters: [{ ...param('q', 'a place name', { type: 'string', minLength: 2, maxLength: 100 }), required: true }],
        responses: { 200: jsonResponse('places', obj({ places: { type: 'array', items: ref('Place') } })), ...errors },
      },
    },
    '/api/health': {
      get: {
        summary: 'Liveness and store counts',
        responses: { 200: jsonResponse('ok', obj({ status: { const: 'ok' }, backend: { enum: ['sqlite', 'postgres'] }, counts: obj({ reports: { type: 'integer' }, events: { type: 'integer' }, mentions: { type: 'integer' } }) })), ...errors },
      },
    },
    '/api/config': {
      get: {
        summary: 'What the dashboard needs to know about the server',
        responses: { 200: jsonResponse('config', obj({ tiles: { type: ['string', 'null'], description: 'Leaflet tile URL template' }, writable: { type: 'boolean', description: 'a token is configured' } })), ...errors },
      },
    },
    '/api/reports': {
      post: {
        summary: 'Code, merge and store reports: one JSON report, { url } alone (fetched by the server), or JSONL lines',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [ref('ReportInput'), ref('ReportUrl')] } },
            'application/x-ndjson': { schema: { type: 'string', description: 'one ReportInput a line' } },
            'text/plain': { schema: { type: 'string', description: 'one ReportInput a line' } },
          },
        },
        responses: {
          200: jsonResponse('the ingest summary; reports that failed are listed under failures', obj({ summary: ref('IngestSummary') })),
          422: errorResponse('every report failed; detail.summary lists why'),
          503: errorResponse('the store cannot be written (full disk, read-only); nothing of this request is half-stored, retry later'),
          ...writeErrors,
        },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { 200: jsonResponse('OpenAPI 3.1', { type: 'object' }) } },
    },
  },
}

/** `GET /api/openapi.json`. */
export function openApiRoute(): Route {
  return { method: 'GET', path: '/api/openapi.json', handler: (c) => json(c, openApiDocument) }
}
