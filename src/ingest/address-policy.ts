import { isIP } from 'node:net'
import { IPV4_RANGES, IPV6_EMBEDDING_IPV4, IPV6_RANGES } from './address-ranges.js'
import type { AddressKind, AddressRange } from './address-ranges.js'

export type AddressVerdict = { allowed: true } | { allowed: false; kind: AddressKind | 'invalid'; reason: string }

type CompiledRange = AddressRange & { base: bigint; mask: bigint }

const compile = (ranges: AddressRange[], bits: number): CompiledRange[] =>
  ranges.map((r) => {
    const [addr, len] = r.cidr.split('/') as [string, string]
    const mask = prefixMask(Number(len), bits)
    return { ...r, base: (bits === 32 ? ipv4ToBigInt(addr) : ipv6ToBigInt(addr))! & mask, mask }
  })

const V4 = compile(IPV4_RANGES, 32)
const V6 = compile(IPV6_RANGES, 128)
const EMBEDDING = compile(IPV6_EMBEDDING_IPV4.map((cidr) => ({ cidr, kind: 'reserved' as const, always: false })), 128)

/**
 * Decides whether a fetch may connect to an IP address.
 * @example checkAddress('169.254.169.254', { allowPrivate: true }) // { allowed: false, kind: 'link-local', ... }
 */
export function checkAddress(address: string, opts: { allowPrivate?: boolean } = {}): AddressVerdict {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '') // brackets of URL hosts, IPv6 zone ids
  const family = isIP(ip)
  if (family === 0) return { allowed: false, kind: 'invalid', reason: `${address} is not an IP address` }
  let value = family === 4 ? ipv4ToBigInt(ip)! : ipv6ToBigInt(ip)!
  let ranges = family === 4 ? V4 : V6
  if (family === 6 && EMBEDDING.some((r) => (value & r.mask) === r.base)) {
    value &= 0xffffffffn
    ranges = V4
  }
  const hit = ranges.find((r) => (value & r.mask) === r.base)
  if (!hit || (!hit.always && opts.allowPrivate)) return { allowed: true }
  const why = hit.always ? 'always refused' : 'pass --allow-private to allow private and loopback addresses'
  return { allowed: false, kind: hit.kind, reason: `${hit.kind} address ${ip} refused (${why})` }
}

function prefixMask(len: number, bits: number): bigint {
  const all = (1n << BigInt(bits)) - 1n
  return len === 0 ? 0n : (all >> BigInt(bits - len)) << BigInt(bits - len)
}

function ipv4ToBigInt(ip: string): bigint | undefined {
  const parts = ip.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n)
}

function ipv6ToBigInt(ip: string): bigint | undefined {
  let text = ip.toLowerCase()
  // a trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (quad) {
    const v4 = ipv4ToBigInt(quad[1]!)
    if (v4 === undefined) return undefined
    text = text.slice(0, quad.index) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const missing = 8 - headGroups.length - tailGroups.length
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups]
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n)
}
