// @ts-check
// Runs first, as a classic script in <head>, to ask for the map's points at once instead of after
// Leaflet and every module have loaded: the largest request of the page starts ~1 s sooner.
// api.js takes the answer over only when it asks for exactly this URL (else it asks anew).
(function () {
  const names = ['since', 'until', 'country', 'admin1', 'type', 'sub-type', 'actor', 'q', 'min-fatalities', 'min-confidence']
  const given = new URLSearchParams(location.search)
  const p = new URLSearchParams()
  for (const n of names) {
    const v = given.get(n)
    if (v !== null && v.trim() !== '') p.set(n, v.trim())
  }
  p.set('format', 'points')
  p.set('limit', '200000')
  const url = `/api/events?${p.toString()}`
  const response = fetch(url, { headers: { Accept: 'application/json' } })
  response.catch(() => {}) // reported by whoever takes it over; never an unhandled rejection
  const w = /** @type {any} */ (window)
  w.__sitrepEarly = { url, response }
})()
