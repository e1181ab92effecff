/**
 * Seeded edge traffic for the fake: security events with realistic attack requests (WordPress and PHP
 * probes, SQL injection, XSS, scanners' user agents) from a handful of noisy sources, and hourly DNS
 * query counts by name, type and response code. Rows cover each zone's plan retention.
 */
import type { FakeZone } from './seed-account.js'
import type { Random } from './random.js'

export type FirewallRow = {
  datetime: number
  action: string
  source: string
  ruleId: string
  rayName: string
  description: string
  clientIP: string
  clientAsn: string
  clientASNDescription: string
  clientCountryName: string
  clientRequestHTTPHost: string
  clientRequestHTTPMethodName: string
  clientRequestHTTPProtocol: string
  clientRequestPath: string
  clientRequestQuery: string
  userAgent: string
  edgeResponseStatus: number
  /** Events this sampled row stands for. */
  sampleInterval: number
  /** Always 1 for raw events; group `count` sums it. */
  count: number
}

export type DnsRow = {
  datetime: number
  queryName: string
  queryType: string
  responseCode: string
  count: number
}

const ATTACKERS = [
  { ip: '203.0.113.69', country: 'GB', asn: '5089', asnName: 'NTL', weight: 8 },
  { ip: '2.183.175.37', country: 'IR', asn: '58224', asnName: 'TCI', weight: 6 },
  { ip: '45.155.205.233', country: 'RU', asn: '49505', asnName: 'SELECTEL', weight: 10 },
  { ip: '185.220.101.4', country: 'DE', asn: '60729', asnName: 'ZWIEBELFREUNDE', weight: 5 },
  { ip: '61.177.172.160', country: 'CN', asn: '4134', asnName: 'CHINANET-BACKBONE', weight: 9 },
  { ip: '193.32.162.29', country: 'NL', asn: '47890', asnName: 'UNMANAGED-DEDICATED', weight: 4 },
  { ip: '104.248.0.10', country: 'US', asn: '14061', asnName: 'DIGITALOCEAN-ASN', weight: 3 },
  { ip: '2001:db8:85a3::8a2e:370:7334', country: 'VN', asn: '45899', asnName: 'VNPT-AS-VN', weight: 2 },
] as const

const PROBES = [
  {
    path: '/wp-login.php',
    query: '',
    method: 'POST',
    source: 'firewallManaged',
    rule: 'WordPress - Brute force login',
  },
  { path: '/xmlrpc.php', query: '', method: 'POST', source: 'firewallManaged', rule: 'WordPress - XML-RPC abuse' },
  { path: '/.env', query: '', method: 'GET', source: 'firewallManaged', rule: 'Information disclosure - .env file' },
  { path: '/.git/config', query: '', method: 'GET', source: 'firewallManaged', rule: 'Information disclosure - Git' },
  { path: '/product', query: '?id=1%27--', method: 'GET', source: 'firewallManaged', rule: 'SQLi - Comment' },
  {
    path: '/search',
    query: '?q=%3Cscript%3Ealert(1)%3C/script%3E',
    method: 'GET',
    source: 'firewallManaged',
    rule: 'XSS - Script tag',
  },
  { path: '/%3Cscript%3Ealert()%3C/script%3E', query: '', method: 'GET', source: 'waf', rule: 'XSS - Path' },
  {
    path: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
    query: '',
    method: 'POST',
    source: 'firewallManaged',
    rule: 'PHPUnit - Remote Code Execution - CVE:CVE-2017-9841',
  },
  {
    path: '/cgi-bin/luci/;stok=/locale',
    query: '',
    method: 'GET',
    source: 'firewallManaged',
    rule: 'OpenWRT LuCI - RCE',
  },
  { path: '/admin', query: '', method: 'GET', source: 'firewallCustom', rule: 'Challenge admin outside home country' },
  { path: '/api/v2/login', query: '', method: 'POST', source: 'rateLimit', rule: 'Login rate limit' },
  { path: '/', query: '', method: 'GET', source: 'securityLevel', rule: 'High threat score' },
  { path: '/', query: '', method: 'GET', source: 'bic', rule: 'Browser Integrity Check' },
  { path: '/', query: '', method: 'GET', source: 'botFight', rule: 'Bot Fight Mode' },
  { path: '/', query: '', method: 'GET', source: 'l7ddos', rule: 'HTTP DDoS attack protection' },
] as const

const USER_AGENTS = [
  'sqlmap/1.7.2#stable (https://sqlmap.org)',
  'python-requests/2.31.0',
  'curl/8.4.0',
  'Mozilla/5.0 zgrab/0.x',
  'Go-http-client/1.1',
  'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.163 Safari/537.36',
] as const

const ACTIONS = [
  ['block', 45],
  ['managed_challenge', 18],
  ['jschallenge', 4],
  ['challenge', 3],
  ['log', 12],
  ['skip', 5],
  ['allow', 3],
  ['connection_close', 2],
  ['managed_challenge_non_interactive_solved', 4],
  ['managed_challenge_interactive_solved', 2],
] as const

/** Sampled security-event rows per day and zone. */
const EVENTS_PER_DAY = 120

export function buildFirewallRows(random: Random, zone: FakeZone, now: number): FirewallRow[] {
  const rows: FirewallRow[] = []
  const seconds = zone.limits.firewall.notOlderThan
  const count = Math.round((seconds / 86_400) * EVENTS_PER_DAY)
  const hosts = [zone.name, `www.${zone.name}`, `shop.${zone.name}`, `api.${zone.name}`]
  const attackers = ATTACKERS.map((a) => [a, a.weight] as const)
  // A rule id belongs to the rule, not to the event: every probe kind has one.
  const ruleIds = new Map<string, string>(PROBES.map((p) => [p.rule, random.hex(32)]))
  const ray = () => (Math.floor(random.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0')
  for (let i = 0; i < count; i += 1) {
    const attacker = random.weighted(attackers)
    const probe = random.pick(PROBES)
    const action = random.weighted(ACTIONS)
    rows.push({
      datetime: now - Math.floor(random.next() * seconds * 1000),
      action,
      source: probe.source,
      ruleId: ruleIds.get(probe.rule) ?? '',
      rayName: `${ray()}${ray()}`,
      description: probe.rule,
      clientIP: attacker.ip,
      clientAsn: attacker.asn,
      clientASNDescription: attacker.asnName,
      clientCountryName: attacker.country,
      clientRequestHTTPHost: random.pick(hosts),
      clientRequestHTTPMethodName: probe.method,
      clientRequestHTTPProtocol: random.pick(['HTTP/1.1', 'HTTP/2']),
      clientRequestPath: probe.path,
      clientRequestQuery: probe.query,
      userAgent: random.pick(USER_AGENTS),
      edgeResponseStatus: action === 'block' ? 403 : action.includes('challenge') ? 403 : 200,
      sampleInterval: zone.sampleInterval,
      count: 1,
    })
  }
  return rows.sort((a, b) => b.datetime - a.datetime)
}

const QUERY_MIX = [
  ['A', 'NOERROR', 60],
  ['AAAA', 'NOERROR', 25],
  ['MX', 'NOERROR', 4],
  ['TXT', 'NOERROR', 4],
  ['HTTPS', 'NOERROR', 8],
  ['A', 'NXDOMAIN', 6],
  ['AAAA', 'NXDOMAIN', 3],
  ['ANY', 'REFUSED', 0.6],
] as const

export function buildDnsRows(random: Random, zone: FakeZone, now: number): DnsRow[] {
  const rows: DnsRow[] = []
  const hours = Math.floor(zone.limits.dns.notOlderThan / 3600)
  const names = [zone.name, `www.${zone.name}`, `mail.${zone.name}`, `wpad.${zone.name}`, `_dmarc.${zone.name}`]
  const hourStart = Math.floor(now / 3_600_000) * 3_600_000
  for (let h = 0; h < hours; h += 1) {
    const datetime = hourStart - h * 3_600_000
    const volume = random.int(80, 400)
    for (const [queryType, responseCode, share] of QUERY_MIX) {
      const count = Math.round((volume * share) / 100 + random.next())
      if (count === 0) continue
      const queryName = responseCode === 'NXDOMAIN' ? `wpad.${zone.name}` : random.pick(names)
      rows.push({ datetime, queryName, queryType, responseCode, count })
    }
    // One zone had a short outage of its signing (SERVFAIL burst) a few hours ago.
    if (zone.plan === 'business' && h >= 2 && h < 5) {
      rows.push({ datetime, queryName: zone.name, queryType: 'A', responseCode: 'SERVFAIL', count: random.int(20, 60) })
    }
  }
  return rows
}
