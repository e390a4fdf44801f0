/** Half-open UTF-16 offsets into the original report text: text.slice(start, end). */
export type Span = { start: number; end: number }

/** Where a coded field came from: words in the report, or the rule that derived it. */
export type Evidence =
  | { kind: 'spans'; spans: Span[] }
  | { kind: 'rule'; rule: string; spans?: Span[] }

export type Diagnostic = {
  severity: 'info' | 'warning' | 'error'
  ruleId: string
  reason: string
  span?: Span
}

export type EventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments'

/** inter codes of the codebook: 1 State forces ... 8 External/Other forces */
export type Inter = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

export type GeoPrecision = 1 | 2 | 3
export type TimePrecision = 1 | 2 | 3

/** One coded event, ACLED field names plus Sitrep's own fields. */
export type SitrepEvent = {
  event_id?: string
  event_type: EventType
  sub_event_type: string
  disorder_type: string
  actor1: string | null
  assoc_actor_1: string | null
  inter1: Inter | null
  actor2: string | null
  assoc_actor_2: string | null
  inter2: Inter | null
  interaction: number | null
  civilian_targeting: string | null
  country: string | null
  iso: string | null
  admin1: string | null
  admin2: string | null
  location: string | null
  latitude: number | null
  longitude: number | null
  geo_precision: GeoPrecision | null
  /** 'resolved', or 'unresolved' with the candidates considered (never a guessed pin) */
  geo_status: 'resolved' | 'unresolved'
  geo_candidates?: { name: string; admin1: string | null; latitude: number; longitude: number }[]
  event_date: string | null
  time_precision: TimePrecision | null
  fatalities: number
  arrests: number | null
  background: boolean
  confidence: number
  notes: string
  evidence: Record<string, Evidence>
}

export type ReportInput = {
  id: string
  text: string
  title?: string
  published?: string
  url?: string
  source?: string
  /** the author line of an HTML page, when it has one */
  byline?: string
  /** the report's language (ISO 639-1) when the user says it; otherwise it is detected */
  lang?: string
}
