import dns from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import { checkAddress } from './address-policy.js'

/** A resolved address fell in a refused range; safe-fetch turns it into its message. */
export class BlockedAddressError extends Error {
  constructor(readonly kind: string, readonly address: string, reason: string) {
    super(reason)
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for http.request that refuses a host when any address it resolves to is refused.
 * The socket then connects to the address checked here, so DNS rebinding between a check and
 * the connection cannot happen.
 */
export function guardedLookup(allowPrivate: boolean) {
  return function lookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, [])
      for (const a of addresses) {
        const verdict = checkAddress(a.address, { allowPrivate })
        if (!verdict.allowed) {
          return callback(new BlockedAddressError(verdict.kind, a.address, `${hostname} resolves to a ${verdict.reason}`), [])
        }
      }
      if (options.all) return callback(null, addresses)
      const first = addresses[0]
      if (!first) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), [])
      callback(null, first.address, first.family)
    })
  }
}
