import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The CSP source that lets the map load tiles from a Leaflet URL template; throws on a template that
 * is not an http(s) URL with {z}, {x} and {y}.
 * `tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png') === 'https://*.tile.openstreetmap.org'`
 */
export function tileSource(template: string): string {
  const m = /^(https?):\/\/([^/?#]+)\//i.exec(template)
  if (!m) throw new Error(`--tiles must be an http(s) URL template like https://tile.example.org/{z}/{x}/{y}.png, got "${template}"`)
  for (const p of ['{z}', '{x}', '{y}']) if (!template.includes(p)) throw new Error(`--tiles must contain ${p} (a Leaflet URL template), got "${template}"`)
  // Leaflet's {s} subdomain becomes a CSP wildcard, which CSP allows only as the leftmost label.
  const host = m[2]!.replace(/^\{s\}\./, '*.')
  if (!/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/.test(host)) {
    throw new Error(`--tiles: cannot allow the host "${m[2]}" in the Content-Security-Policy (placeholders other than a leading {s}. are not allowed in the host)`)
  }
  return `${m[1]!.toLowerCase()}://${host.toLowerCase()}`
}

/**
 * Security headers on every response. The policy allows only this server's own scripts, styles and
 * requests (the dashboard ships no inline code), images from itself, data: URLs (Leaflet's icons)
 * and the tile server when one is configured; nothing may frame the page.
 */
export function makeSecurityHeaders(tiles: string | null): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', ...(tiles ? [tileSource(tiles)] : [])],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    // The server speaks plain HTTP (TLS, if any, is a proxy's job): HSTS is the proxy's to send.
    strictTransportSecurity: false,
  })
}
