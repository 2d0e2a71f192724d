import { isIPv4, isIPv6 } from 'node:net';

/**
 * The unit a sign-in throttle counts by: an IPv4 address, or an IPv6 address's /64 (one
 * household or one phone usually holds a whole /64, so counting single IPv6 addresses would
 * let one client rotate through billions). IPv4-mapped IPv6 counts as the IPv4 address.
 */
export function addressBucket(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address)) return address;
  const bare = address.split('%')[0];
  if (!isIPv6(bare)) return 'unknown';
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  let groups = part(head);
  let rest = part(tail);
  // an embedded IPv4 tail (::1.2.3.4) is two groups
  const last = (tail === undefined ? groups : rest).at(-1);
  if (last && last.includes('.')) {
    const [a, b, c, d] = last.split('.').map(Number);
    const v4 = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    if (tail === undefined) groups = [...groups.slice(0, -1), ...v4];
    else rest = [...rest.slice(0, -1), ...v4];
  }
  const fill = tail === undefined ? [] : Array(8 - groups.length - rest.length).fill('0');
  return [...groups, ...fill, ...rest].map((g) => parseInt(g, 16).toString(16));
}
