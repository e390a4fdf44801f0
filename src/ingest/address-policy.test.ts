import { describe, expect, it } from 'vitest'
import { checkAddress } from './address-policy.js'

// [address, allowed without allowPrivate, allowed with allowPrivate, kind when refused]
const TABLE: [string, boolean, boolean, string?][] = [
  ['8.8.8.8', true, true],
  ['1.1.1.1', true, true],
  ['2001:4860::8888', true, true],
  ['2606:4700:4700::1111', true, true],
  ['10.0.0.1', false, true, 'private'],
  ['172.16.5.4', false, true, 'private'],
  ['172.32.0.1', true, true], // just outside 172.16/12
  ['192.168.1.1', false, true, 'private'],
  ['100.64.0.1', false, true, 'shared (CGNAT)'],
  ['100.128.0.1', true, true], // just outside 100.64/10
  ['127.0.0.1', false, true, 'loopback'],
  ['127.8.9.10', false, true, 'loopback'],
  ['::1', false, true, 'loopback'],
  ['fd12:3456::1', false, true, 'unique-local'],
  ['fc00::1', false, true, 'unique-local'],
  ['169.254.169.254', false, false, 'link-local'],
  ['169.254.0.1', false, false, 'link-local'],
  ['fe80::1', false, false, 'link-local'],
  ['fe80::1%eth0', false, false, 'link-local'],
  ['febf::1', false, false, 'link-local'],
  ['0.0.0.0', false, false, 'unspecified'],
  ['::', false, false, 'unspecified'],
  ['224.0.0.1', false, false, 'multicast'],
  ['ff02::1', false, false, 'multicast'],
  ['255.255.255.255', false, false, 'reserved'],
  ['::ffff:127.0.0.1', false, true, 'loopback'],
  ['::ffff:7f00:1', false, true, 'loopback'], // the same, in hex
  ['::ffff:169.254.169.254', false, false, 'link-local'],
  ['::ffff:8.8.8.8', true, true],
  ['64:ff9b::a9fe:a9fe', false, false, 'link-local'], // NAT64 of 169.254.169.254
  ['[::1]', false, true, 'loopback'], // as URL.hostname spells it
]

describe('checkAddress', () => {
  it.each(TABLE)('%s: allowed=%s, with allowPrivate=%s', (address, allowed, allowedPrivate, kind) => {
    const plain = checkAddress(address)
    const priv = checkAddress(address, { allowPrivate: true })
    expect(plain.allowed).toBe(allowed)
    expect(priv.allowed).toBe(allowedPrivate)
    if (!plain.allowed) expect(plain.kind).toBe(kind)
  })

  it('says why in the reason', () => {
    expect(checkAddress('169.254.169.254', { allowPrivate: true })).toEqual({
      allowed: false, kind: 'link-local', reason: 'link-local address 169.254.169.254 refused (always refused)',
    })
    expect(checkAddress('10.1.2.3')).toMatchObject({ reason: 'private address 10.1.2.3 refused (pass --allow-private to allow private and loopback addresses)' })
  })

  it('refuses what is not an IP address', () => {
    expect(checkAddress('example.org')).toMatchObject({ allowed: false, kind: 'invalid' })
  })
})
