/**
 * Address ranges a fetch may not connect to, as data. `always: true` ranges stay refused even with
 * allowPrivate: link-local holds cloud metadata endpoints (169.254.169.254), and unspecified or
 * multicast addresses are never a news site.
 */
export type AddressKind = 'unspecified' | 'private' | 'shared (CGNAT)' | 'loopback' | 'link-local' | 'multicast' | 'reserved' | 'unique-local'

export type AddressRange = { cidr: string; kind: AddressKind; always: boolean }

export const IPV4_RANGES: AddressRange[] = [
  { cidr: '0.0.0.0/8', kind: 'unspecified', always: true }, // "this network"; 0.0.0.0 reaches localhost on Linux
  { cidr: '10.0.0.0/8', kind: 'private', always: false }, // RFC 1918
  { cidr: '100.64.0.0/10', kind: 'shared (CGNAT)', always: false }, // RFC 6598, carrier-grade NAT
  { cidr: '127.0.0.0/8', kind: 'loopback', always: false },
  { cidr: '169.254.0.0/16', kind: 'link-local', always: true }, // 169.254.169.254 cloud metadata
  { cidr: '172.16.0.0/12', kind: 'private', always: false }, // RFC 1918
  { cidr: '192.0.0.0/24', kind: 'reserved', always: true }, // IETF protocol assignments
  { cidr: '192.168.0.0/16', kind: 'private', always: false }, // RFC 1918
  { cidr: '198.18.0.0/15', kind: 'private', always: false }, // benchmarking, used inside labs
  { cidr: '224.0.0.0/4', kind: 'multicast', always: true },
  { cidr: '240.0.0.0/4', kind: 'reserved', always: true }, // includes 255.255.255.255 broadcast
]

/** IPv6 ranges; IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) are checked as their IPv4 address. */
export const IPV6_RANGES: AddressRange[] = [
  { cidr: '::/128', kind: 'unspecified', always: true },
  { cidr: '::1/128', kind: 'loopback', always: false },
  { cidr: 'fc00::/7', kind: 'unique-local', always: false },
  { cidr: 'fe80::/10', kind: 'link-local', always: true },
  { cidr: 'fec0::/10', kind: 'private', always: false }, // deprecated site-local
  { cidr: 'ff00::/8', kind: 'multicast', always: true },
]

/** IPv6 prefixes whose last 32 bits are an IPv4 address to check instead. */
export const IPV6_EMBEDDING_IPV4 = ['::ffff:0:0/96', '64:ff9b::/96']
