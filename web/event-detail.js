// @ts-check
// One event in full: every field (with the merge rule that chose it and whether an analyst
// corrected it), a button per field that marks its evidence in every source text, the sources,
// the merge history and the review log, and the review form when the analyst may write.
import { h, clear, fmt, append } from './dom.js'
import { typeColor } from './colors.js'
import { renderMarkedText, spansOf } from './evidence.js'
import { reviewForm } from './review.js'

/** @typedef {import('./api.js').EventDetail} EventDetail */
/** @typedef {import('./api.js').StoredEvent} StoredEvent */

const FIELD_ORDER = ['event_id', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'disorder_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'country', 'iso', 'region', 'admin1', 'admin2', 'admin3', 'location',
  'latitude', 'longitude', 'geo_precision', 'geo_status', 'fatalities', 'arrests', 'background', 'confidence', 'notes', 'source', 'source_scale',
  'tags', 'year', 'n_sources', 'review', 'timestamp']
// shown in their own sections
const SEPARATE = new Set(['sources', 'corrections', 'merge_rules', 'geo_candidates'])
// numbers shown with thousands separators (a year or a latitude is not a count)
const COUNTS = new Set(['fatalities', 'arrests', 'n_sources'])
// fields whose evidence the coder files under another field's name
const EVIDENCE_OF = /** @type {Record<string, string>} */ ({ longitude: 'latitude', iso: 'country', year: 'event_date' })

/** A value as text: null as a dash, booleans as yes/no, the timestamp as a date. @param {string} field @param {unknown} v */
export function valueText(field, v) {
  if (v === null || v === undefined || v === '') return '—'
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (field === 'timestamp' && typeof v === 'number') return new Date(v * 1000).toISOString().replace('T', ' ').slice(0, 19) + ' UTC'
  if (typeof v === 'number') return COUNTS.has(field) ? fmt(v) : String(v)
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/** Only http(s) links are made clickable (a stored `javascript:` URL must not run). @param {string | null} url */
export function safeUrl(url) {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

/**
 * @param {HTMLElement} root
 * @param {{ onClose: () => void }} opts
 */
export function createDetail(root, { onClose }) {
  /** @type {{ field: string, box: HTMLElement, text: string, source: import('./api.js').Source, note: HTMLElement }[]} */
  let texts = []
  /** @type {HTMLButtonElement[]} */
  let fieldButtons = []

  /** Marks `field`'s evidence in every source text and scrolls to the first mark. @param {string} field */
  function highlight(field) {
    const key = EVIDENCE_OF[field] && !texts.some((t) => t.source.event.evidence?.[field]) ? /** @type {string} */ (EVIDENCE_OF[field]) : field
    let first = /** @type {HTMLElement | null} */ (null)
    for (const t of texts) {
      const ev = t.source.event.evidence?.[key]
      const marks = renderMarkedText(t.box, t.text, spansOf(ev), field)
      first ??= marks[0] ?? null
      t.note.textContent = !ev ? `No evidence for ${field} in this report.`
        : ev.kind === 'rule' ? `${field}: derived by the rule "${ev.rule}"${marks.length ? ' from the marked words' : ''}.`
          : `${field}: ${marks.length} marked passage${marks.length === 1 ? '' : 's'}.`
    }
    for (const b of fieldButtons) b.setAttribute('aria-pressed', String(b.dataset.field === field))
    first?.scrollIntoView({ block: 'center' })
  }

  /** @param {EventDetail} d */
  function fieldsList(d) {
    const e = d.event
    const corrected = new Set((e.corrections ?? []).map((c) => c.field))
    const keys = [...FIELD_ORDER.filter((k) => k in e), ...Object.keys(e).filter((k) => !FIELD_ORDER.includes(k) && !SEPARATE.has(k))]
    const dl = h('dl', { class: 'fields' })
    for (const k of keys) {
      const hasEvidence = d.sources.some((s) => s.event.evidence?.[k] || (EVIDENCE_OF[k] && s.event.evidence?.[/** @type {string} */ (EVIDENCE_OF[k])]))
      const btn = hasEvidence ? h('button', { type: 'button', class: 'evidence-btn', 'data-field': k, 'aria-pressed': 'false', title: `Mark the evidence for ${k} in the sources`, onclick: () => highlight(k) }, 'evidence') : null
      if (btn) fieldButtons.push(btn)
      const rule = e.merge_rules?.[k]
      dl.append(
        h('dt', { class: corrected.has(k) ? 'corrected' : undefined }, k),
        h('dd', { 'data-field': k, class: corrected.has(k) ? 'corrected' : undefined },
          h('span', { class: 'value' }, valueText(k, e[k])),
          corrected.has(k) ? h('span', { class: 'badge' }, 'corrected') : null,
          rule ? h('span', { class: 'rule', title: 'merge rule' }, rule) : null,
          btn))
    }
    return dl
  }

  /** @param {EventDetail} d */
  function sourcesSection(d) {
    texts = []
    return h('section', { class: 'sources' }, h('h3', {}, `Sources (${d.sources.length})`), d.sources.map((s, i) => {
      const claim = d.event.sources?.find((c) => c.report_id === s.report.id && c.mention === s.idx) ?? d.event.sources?.find((c) => c.report_id === s.report.id)
      const href = safeUrl(s.report.url)
      // dir=auto: an Arabic source reads right to left, an English one left to right, marks and all
      const box = h('div', { class: 'source-text', 'data-report': s.report.id, dir: 'auto' })
      box.textContent = s.report.text
      const note = h('p', { class: 'evidence-note' })
      texts.push({ field: '', box, text: s.report.text, source: s, note })
      return h('article', { class: 'source', 'data-report': s.report.id },
        h('header', {},
          h('div', { class: 'source-meta' },
            h('strong', { class: 'outlet' }, s.report.source ?? 'unknown outlet'), ' · ', s.report.published ?? 'undated', ' · ', `report ${s.report.id}`, ` #${s.idx + 1}`),
          h('div', { class: 'source-title' }, href
            ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, s.report.title ?? href)
            : h('span', {}, s.report.title ?? `Source ${i + 1}`)),
          claim ? h('div', { class: 'claim' }, `This report: ${claim.sub_event_type}, ${claim.event_date ?? 'undated'}, ${claim.location ?? 'place unresolved'}, ${fmt(claim.fatalities)} dead`) : null),
        note, box)
    }))
  }

  /** @param {EventDetail} d */
  function logSection(d) {
    const history = d.history.map((x) => h('li', {}, `${x.at}: ${x.old_id} → ${x.new_id} (${x.reason})`))
    const reviews = d.reviews.map((r) => h('li', {},
      h('strong', {}, r.action), ` ${r.at}`, r.author ? ` by ${r.author}` : '',
      r.fields ? h('div', {}, Object.entries(r.fields).map(([k, v]) => `${k} = ${valueText(k, v)}`).join(', ')) : null,
      r.comment ? h('div', { class: 'comment' }, `“${r.comment}”`) : null))
    return h('section', { class: 'logs' },
      h('h3', {}, 'Merge history'), history.length ? h('ul', { class: 'history' }, history) : h('p', { class: 'muted' }, 'No merges.'),
      h('h3', {}, 'Review log'), reviews.length ? h('ul', { class: 'reviews', id: 'review-log' }, reviews) : h('p', { class: 'muted' }, 'Not reviewed.'))
  }

  const close = h('button', { type: 'button', class: 'close', id: 'detail-close', 'aria-label': 'Back to the list', onclick: () => onClose() }, '← List')

  return {
    /** @param {string} id */
    loading(id) {
      root.hidden = false
      root.replaceChildren(close, h('p', { class: 'muted' }, `Loading ${id}…`))
    },
    /** @param {string} message */
    error(message) {
      root.hidden = false
      root.replaceChildren(close, h('p', { class: 'error', role: 'alert' }, message))
    },
    /**
     * @param {EventDetail} d
     * @param {{ mode: 'form' | 'need-token' | 'read-only', submit: (r: import('./api.js').ReviewAction & { comment?: string }) => Promise<void>, flash?: string }} review
     */
    show(d, review) {
      fieldButtons = []
      const e = d.event
      const sw = h('span', { class: 'swatch' })
      sw.style.backgroundColor = typeColor(e.event_type)
      clear(root)
      root.hidden = false
      root.dataset.eventId = e.event_id
      append(root, [close,
        h('header', { class: 'detail-head' },
          h('h2', {}, sw, `${e.sub_event_type} · ${e.event_date ?? 'undated'}`),
          h('p', { class: 'notes' }, e.notes),
          h('p', { class: `status status-${e.review}` }, `Review: ${e.review}`)),
        review.mode === 'form' ? h('section', { class: 'review' }, h('h3', {}, 'Review'), reviewForm(e, review.submit, review.flash))
          : review.mode === 'need-token' ? h('p', { class: 'muted review-hint' }, 'Enter the analyst token at the top right to confirm, reject or correct this event.') : null,
        h('section', {}, h('h3', {}, 'Fields'), h('p', { class: 'muted' }, 'Press “evidence” to mark where a field comes from in each source.'), fieldsList(d)),
        sourcesSection(d),
        logSection(d)])
      root.scrollTop = 0
    },
    hide() {
      root.hidden = true
      clear(root)
      delete root.dataset.eventId
      texts = []
    },
  }
}
