import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses a webhook may reach. A webhook URL is chosen by an admin, and an admin
 * account can be stolen: without this a "crisis service" could be the cloud metadata endpoint,
 * Redis or PostgreSQL on the internal network, carrying survivors' details there.
 *
 * Refused: everything that is not ordinary public unicast. IPv4: this network, private,
 * CGNAT, loopback, link-local, IETF protocol assignments, documentation, benchmarking,
 * the 6to4 relay anycast, multicast, reserved and broadcast. IPv6: anything outside global
 * unicast 2000::/3, and inside it the documentation, IETF protocol (Teredo, ORCHID...) and
 * discard ranges; IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by
 * that IPv4 address.
 */
const FORBIDDEN_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

/** Inside 2000::/3 (the only IPv6 range allowed at all), the parts that are not public hosts. */
const FORBIDDEN_V6_GLOBAL: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
];

const forbiddenV4 = new BlockList();
for (const [net, bits] of FORBIDDEN_V4) forbiddenV4.addSubnet(net, bits, 'ipv4');
const forbiddenV6 = new BlockList();
for (const [net, bits] of FORBIDDEN_V6_GLOBAL) forbiddenV6.addSubnet(net, bits, 'ipv6');

/** The 16 bytes of an IPv6 address (with or without brackets, compressed or with a dotted tail). */
export function ipv6Bytes(address: string): Buffer | undefined {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(text) !== 6) return undefined;
  let head = text;
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    head = `${dotted[1]}0:0`;
    tail.push(...dotted[2].split('.').map(Number));
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').filter((g) => g !== '').map((g) => parseInt(g, 16)) : []);
  const l = groups(left);
  const r = groups(right);
  const all = right === undefined ? l : [...l, ...new Array(8 - l.length - r.length).fill(0), ...r];
  const bytes = Buffer.alloc(16);
  all.forEach((g, i) => bytes.writeUInt16BE(g, i * 2));
  if (tail.length === 4) tail.forEach((b, i) => (bytes[12 + i] = b));
  return bytes;
}

const v4 = (b: Buffer, at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
const startsWith = (b: Buffer, prefix: number[]) => prefix.every((x, i) => b[i] === x);

/** The IPv4 address an IPv6 address stands for (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIpv4(b: Buffer): string | undefined {
  if (startsWith(b, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return v4(b, 12);
  if (startsWith(b, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return v4(b, 12);
  if (startsWith(b, [0x20, 0x02])) return v4(b, 2);
  return undefined;
}

/** True when a webhook must not connect to this address (or it is not an IP address at all). */
export function isForbiddenAddress(address: string): boolean {
  const text = address.replace(/^\[|\]$/g, '');
  const family = isIP(text.replace(/%.*$/, ''));
  if (family === 4) return forbiddenV4.check(text, 'ipv4');
  if (family !== 6) return true;
  const bytes = ipv6Bytes(text)!;
  const inner = embeddedIpv4(bytes);
  if (inner !== undefined) return forbiddenV4.check(inner, 'ipv4');
  // only global unicast 2000::/3; this leaves out ::, ::1, the IPv4-compatible ::/96, 64:ff9b:1::/48,
  // 100::/64 (discard), fc00::/7 (unique-local), fe80::/10 (link-local), fec0::/10 and ff00::/8 (multicast)
  if ((bytes[0] & 0xe0) !== 0x20) return true;
  const canonical = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');
  return forbiddenV6.check(canonical, 'ipv6');
}
