import { ipv6Bytes, isForbiddenAddress } from './address-policy';

describe('webhook address policy', () => {
  it('refuses loopback, private, CGNAT, link-local, multicast, unspecified, broadcast, documentation and reserved IPv4', () => {
    for (const ip of [
      '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '100.127.255.255',
      '169.254.169.254', '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '255.255.255.255', '240.0.0.1', '192.0.2.10', '198.51.100.7',
      '203.0.113.9', '198.18.0.1', '192.0.0.8', '192.88.99.1',
    ]) expect([ip, isForbiddenAddress(ip)]).toEqual([ip, true]);
  });

  it('allows public IPv4, including the neighbours of the refused ranges', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '11.0.0.1', '169.253.0.1', '192.169.0.1', '223.255.255.255']) {
      expect([ip, isForbiddenAddress(ip)]).toEqual([ip, false]);
    }
  });

  it('refuses loopback, unspecified, unique-local, link-local, multicast, documentation and other non-global IPv6', () => {
    for (const ip of [
      '::1', '::', 'fc00::1', 'fd12:3456:789a::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fec0::1', 'ff02::1', 'ff05::2', '2001:db8::1', '3fff::1',
      '100::1', '2001::1', '2001:0:4136:e378::1', '::7f00:1', '64:ff9b:1::1', '[::1]',
    ]) expect([ip, isForbiddenAddress(ip)]).toEqual([ip, true]);
  });

  it('judges IPv6 forms that carry an IPv4 address by that address (mapped, NAT64, 6to4)', () => {
    for (const ip of ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::10.0.0.1', '64:ff9b::a00:1', '2002:7f00:1::1', '2002:c0a8:101::1', '::ffff:0.0.0.0']) {
      expect([ip, isForbiddenAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['::ffff:93.184.216.34', '64:ff9b::808:808', '2002:5db8:d822::1']) expect([ip, isForbiddenAddress(ip)]).toEqual([ip, false]);
  });

  it('allows global unicast IPv6', () => {
    for (const ip of ['2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '2001:4860:4860::8888']) expect([ip, isForbiddenAddress(ip)]).toEqual([ip, false]);
  });

  it('refuses whatever is not an IP address', () => {
    for (const s of ['', 'localhost', 'example.org', '127.1', '1.2.3', 'fe80::zz']) expect(isForbiddenAddress(s)).toBe(true);
  });

  it('reads IPv6 in every spelling', () => {
    expect(ipv6Bytes('::ffff:10.0.0.1')!.toString('hex')).toBe('00000000000000000000ffff0a000001');
    expect(ipv6Bytes('2001:db8::1')!.toString('hex')).toBe('20010db8000000000000000000000001');
    expect(ipv6Bytes('::')!.toString('hex')).toBe('0'.repeat(32));
    expect(ipv6Bytes('1:2:3:4:5:6:7:8')!.toString('hex')).toBe('00010002000300040005000600070008');
    expect(ipv6Bytes('10.0.0.1')).toBeUndefined();
  });
});
