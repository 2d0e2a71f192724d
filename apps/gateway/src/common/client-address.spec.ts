import { addressGroup } from './client-address';

describe('addressGroup', () => {
  it('keeps an IPv4 address as it is, also when it comes IPv4-mapped', () => {
    expect(addressGroup('192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const group = '2001:db8:aa:1::/64';
    for (const address of ['2001:db8:aa:1::1', '2001:db8:aa:1:ffff:ffff:ffff:ffff', '2001:0db8:00aa:0001:0:0:0:9', '[2001:db8:aa:1::2]', '2001:DB8:AA:1::3', '2001:db8:aa:1::4%eth0']) {
      expect(addressGroup(address)).toBe(group);
    }
    expect(addressGroup('2001:db8:aa:2::1')).toBe('2001:db8:aa:2::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('puts what is not an address in one bucket', () => {
    expect(addressGroup(undefined)).toBe('unknown');
    expect(addressGroup('')).toBe('unknown');
    expect(addressGroup('not-an-address')).toBe('unknown');
  });
});
