// @ts-check
// Evidence in a report text: the spans of one field wrapped in <mark>, built as DOM nodes (text
// nodes and mark elements), so the report can never inject markup.

/** @typedef {import('./api.js').Span} Span */
/** @typedef {import('./api.js').Evidence} Evidence */

/**
 * Spans sorted, clamped to the text and with overlaps joined: half-open UTF-16 offsets as the coder
 * wrote them (String.prototype.slice uses the same units). Empty spans are dropped.
 * `normaliseSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 8, end: 12 }], 10)` → `[{0,3}, {5,10}]`
 * @param {Span[]} spans @param {number} length @returns {Span[]}
 */
export function normaliseSpans(spans, length) {
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end))
    .map((s) => ({ start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end)
  /** @type {Span[]} */
  const out = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }
  return out
}

/** The spans of one evidence entry (a rule may carry spans too). @param {Evidence | undefined} ev @returns {Span[]} */
export function spansOf(ev) {
  if (!ev) return []
  return ev.kind === 'spans' ? ev.spans : ev.spans ?? []
}

/**
 * Replaces `box`'s content by `text` with `spans` marked; returns the marks in text order.
 * @param {HTMLElement} box @param {string} text @param {Span[]} spans @param {string} [field]
 * @returns {HTMLElement[]}
 */
export function renderMarkedText(box, text, spans, field = '') {
  const marks = []
  const frag = document.createDocumentFragment()
  let at = 0
  for (const s of normaliseSpans(spans, text.length)) {
    if (s.start > at) frag.append(document.createTextNode(text.slice(at, s.start)))
    const mark = document.createElement('mark')
    mark.textContent = text.slice(s.start, s.end)
    mark.dataset.start = String(s.start)
    mark.dataset.end = String(s.end)
    if (field) mark.dataset.field = field
    frag.append(mark)
    marks.push(mark)
    at = s.end
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)))
  box.replaceChildren(frag)
  return marks
}
