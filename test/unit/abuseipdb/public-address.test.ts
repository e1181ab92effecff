import { describe, expect, it } from 'vitest'
import { canonicalAddress, ipv6ToBigInt } from '../../../src/core/integrations/abuseipdb/address-numbers.js'
import { isPublicAddress, sendableAddress } from '../../../src/core/integrations/abuseipdb/public-address.js'

describe('public address filter', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '169.254.10.20',
    '0.1.2.3',
    '224.0.0.251',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '192.0.2.77',
    '198.51.100.24',
    '203.0.113.5',
    '198.18.0.1',
    '192.0.0.9',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456:789a::1',
    'ff02::1',
    '2001:db8::1',
    '::ffff:192.168.1.1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:c000:204::1',
    'not an address',
    '',
    '1.2.3',
  ])('never sends %s', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each([
    '185.220.101.7',
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.1',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '2a01:4f8::1',
  ])('may send %s', (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })

  it("never sends the site's own WAN address, whatever its spelling", () => {
    const own = new Set(['81.2.69.160', '2a02:1234::1'].map((a) => canonicalAddress(a) as string))
    expect(sendableAddress('81.2.69.160', own)).toBeNull()
    expect(sendableAddress('2A02:1234:0:0::0001', own)).toBeNull()
    expect(sendableAddress('81.2.69.161', own)).toBe('81.2.69.161')
  })

  it('reads every IPv6 spelling as the same number', () => {
    expect(ipv6ToBigInt('2001:db8::1')).toBe(ipv6ToBigInt('2001:0db8:0000:0000:0000:0000:0000:0001'))
    expect(ipv6ToBigInt('::ffff:1.2.3.4')).toBe((0xffffn << 32n) | 0x01020304n)
    expect(canonicalAddress('2001:0DB8::0001')).toBe('2001:db8::1')
  })
})
