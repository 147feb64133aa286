/**
 * The webhook step's egress policy: where a webhook may connect. The host is resolved and every
 * address it resolves to is checked against a deny set (loopback, link-local, private, CGNAT,
 * multicast, reserved, the cluster's Service ranges, their IPv4-mapped IPv6 forms); the request
 * then goes to exactly the address checked (a custom `lookup` pins it, so a second DNS answer
 * cannot rebind it), with the Host header and TLS server name of the URL. Configuration
 * (KUBEMIN_WEBHOOK_ALLOW) may allow CIDRs or host[:port] names even when private.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface EgressConfig {
  /** CIDRs (or single addresses) and host[:port] names allowed even if private. */
  readonly allow: readonly string[];
  /** The cluster's Service CIDRs (denied: cluster Services). */
  readonly serviceCidrs: readonly string[];
}

/** Service CIDR of kubeadm and most distributions. */
export const DEFAULT_SERVICE_CIDRS = ['10.96.0.0/12'];

type Family = 'ipv4' | 'ipv6';
interface Range {
  net: string;
  prefix: number;
  what: string;
}

const DENIED: readonly Range[] = [
  { net: '0.0.0.0', prefix: 8, what: 'a "this network" address' },
  { net: '10.0.0.0', prefix: 8, what: 'a private address' },
  { net: '100.64.0.0', prefix: 10, what: 'a carrier-grade NAT address' },
  { net: '127.0.0.0', prefix: 8, what: 'a loopback address' },
  { net: '169.254.0.0', prefix: 16, what: 'a link-local address (cloud metadata lives here)' },
  { net: '172.16.0.0', prefix: 12, what: 'a private address' },
  { net: '192.0.0.0', prefix: 24, what: 'an IETF protocol address' },
  { net: '192.168.0.0', prefix: 16, what: 'a private address' },
  { net: '198.18.0.0', prefix: 15, what: 'a benchmarking address' },
  { net: '224.0.0.0', prefix: 4, what: 'a multicast address' },
  { net: '240.0.0.0', prefix: 4, what: 'a reserved address' },
  { net: '::', prefix: 128, what: 'the unspecified address' },
  { net: '::1', prefix: 128, what: 'a loopback address' },
  { net: '::', prefix: 96, what: 'an IPv4-compatible address' },
  { net: '64:ff9b::', prefix: 96, what: 'a NAT64 address' },
  { net: 'fc00::', prefix: 7, what: 'a private (unique local) address' },
  { net: 'fe80::', prefix: 10, what: 'a link-local address' },
  { net: 'fec0::', prefix: 10, what: 'a site-local address' },
  { net: 'ff00::', prefix: 8, what: 'a multicast address' },
];

const familyOf = (ip: string): Family => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** `::ffff:127.0.0.1` and `::ffff:7f00:1` as the IPv4 address they carry; other addresses as they are. */
export function unmapped(ip: string): string {
  const lower = ip.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted?.[1]) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return ip;
}

/** Parses `a.b.c.d/n`, `fd00::/8` or a bare address; throws naming the entry and the variable. */
function parseCidr(entry: string, variable: string): { net: string; prefix: number; family: Family } {
  const [net = '', bits] = entry.split('/');
  const family = familyOf(net);
  const max = family === 'ipv6' ? 128 : 32;
  const prefix = bits === undefined ? max : Number(bits);
  if (!isIP(net) || !Number.isInteger(prefix) || prefix < 0 || prefix > max) throw new Error(`${variable}: "${entry}" is not a CIDR (e.g. 10.1.0.0/16) or an address`);
  return { net, prefix, family };
}

/** `10.0.0.0/8`, `fd00::/8` or a bare address; anything else is a host or host:port name. */
const looksLikeCidr = (entry: string): boolean => entry.includes('/') || isIP(entry) !== 0;

export interface EgressPolicy {
  /** Why `address` is denied for `host:port` (host as in the URL), or undefined when allowed. */
  denial(host: string, port: number, address: string): string | undefined;
}

/** The policy of a configuration: the deny set, widened only by `allow`. */
export function createEgressPolicy(config: EgressConfig): EgressPolicy {
  const allowNets = new BlockList();
  const allowNames = new Set<string>();
  for (const raw of config.allow.map((a) => a.trim().toLowerCase()).filter(Boolean)) {
    if (looksLikeCidr(raw)) {
      const c = parseCidr(raw, 'KUBEMIN_WEBHOOK_ALLOW');
      allowNets.addSubnet(c.net, c.prefix, c.family);
    } else allowNames.add(raw);
  }
  const denied: { list: BlockList; what: string }[] = [
    ...DENIED.map((r) => ({ ...r, family: familyOf(r.net) })),
    ...config.serviceCidrs.map((s) => ({ ...parseCidr(s.trim(), 'KUBEMIN_SERVICE_CIDRS'), what: "an address of the cluster's Services" })),
  ].map((r) => {
    const list = new BlockList();
    list.addSubnet(r.net, r.prefix, r.family);
    return { list, what: r.what };
  });
  return {
    denial(host, port, address) {
      const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
      if (allowNames.has(name) || allowNames.has(`${name}:${port}`) || allowNames.has(`[${name}]:${port}`)) return undefined;
      const ip = unmapped(address);
      const family = familyOf(ip);
      if (allowNets.check(ip, family)) return undefined;
      return denied.find((d) => d.list.check(ip, family))?.what;
    },
  };
}

/** A resolved, checked destination: connect to `address` only. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/** Thrown when a destination is denied; the caller turns it into a non-retryable failure. */
export class EgressDenied extends Error {
  constructor(
    readonly origin: string,
    readonly address: string,
    readonly why: string,
  ) {
    super(`webhook destination ${origin} is denied: it resolves to ${address}, ${why}; allow it in KUBEMIN_WEBHOOK_ALLOW (a CIDR or host:port) if it is meant to be reached`);
    this.name = 'EgressDenied';
  }
}

/**
 * Resolves the URL's host (every address) and checks each: one denied address denies the
 * destination (a name that resolves to a public and a private address is refused).
 */
export async function resolveChecked(policy: EgressPolicy, url: URL): Promise<CheckedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) as 4 | 6 }] : ((await lookup(host, { all: true, verbatim: true })) as CheckedAddress[]);
  for (const a of addresses) {
    const why = policy.denial(url.hostname, port, a.address);
    if (why) throw new EgressDenied(`${url.protocol}//${url.host}`, a.address, why);
  }
  const first = addresses[0];
  if (!first) throw new Error(`${url.protocol}//${url.host} resolves to no address`);
  return first;
}

/** A `lookup` for http(s).request that answers exactly the checked address (no second resolution). */
export function pinnedLookup(checked: CheckedAddress): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  }) as unknown as LookupFunction;
}
