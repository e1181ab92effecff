/**
 * Published advisories for the UniFi Network application and for UniFi OS console and gateway firmware, matched
 * by version. Consoles are matched by the internal model code the controller reports (`stat/device.model`,
 * `stat/sysinfo.ubnt_device_type`: `UDMPRO`, `UDMA6A8`), never by marketing names, which no controller sends.
 * Sources per row: the CVE record in the CVE Program's list (CVEProject/cvelistV5) and the Ubiquiti Security
 * Advisory Bulletin it cites; see docs/configuration-posture.md#advisories for the table in prose.
 */
import type { PostureSeverity } from './model.js'
import type { VersionRange } from './versions.js'

/** When the table was last compared with the CVE records; the report says "advisory data as of …". */
export const ADVISORIES_AS_OF = '2026-12-04'

export interface Advisory {
  cve: string
  /** `network`: the Network application version; `unifi-os`: console or gateway firmware. */
  product: 'network' | 'unifi-os'
  summary: string
  /** Affected when the version falls in one of these ranges (upper bound = first fixed version). */
  affected: VersionRange[]
  fixed: string
  cvss: number
  /** Listed in CISA's Known Exploited Vulnerabilities catalogue; null when not confirmed either way. */
  kev: boolean | null
  severity: PostureSeverity
  /** Only consoles with these model codes (unifi-os) or, for network, on these consoles; empty = any. */
  models: string[]
  /** Network advisories that concern only self-hosted servers or only UniFi OS consoles. */
  hosting?: 'self-hosted' | 'unifi-os'
  published: string
  source: string
}

/** UniFi OS consoles and gateways named in Bulletin 064, by the model codes the controller reports. */
const BULLETIN_064_MODELS = [
  'UDM', // Dream Machine
  'UDMPRO', // Dream Machine Pro
  'UDMPROSE', // Dream Machine SE
  'UDMPROMAX', // Dream Machine Pro Max
  'UDR', // Dream Router
  'UDMA6A8', // Cloud Gateway Fiber
  'UCGMAX', // Cloud Gateway Max
  'UDRULT', // Cloud Gateway Ultra
  'UDW', // Dream Wall
  'UCKG2', // Cloud Key Gen2
  'UCKP', // Cloud Key Gen2 Plus
  'UNVR', // Network Video Recorder
] as const

export const ADVISORIES: readonly Advisory[] = [
  {
    cve: 'CVE-2026-22557',
    product: 'network',
    summary: 'path traversal lets an unauthenticated attacker take over an account',
    affected: [{ below: '9.0.118' }, { from: '9.1.0', below: '10.1.89' }, { from: '10.2.0', below: '10.2.97' }],
    fixed: '10.1.89 / 10.2.97 (UniFi Express: 9.0.118)',
    cvss: 10.0,
    kev: null,
    severity: 'critical',
    models: [],
    published: '2026-03-19',
    source: 'CVE record CVE-2026-22557; Ubiquiti Security Advisory Bulletin 062',
  },
  {
    cve: 'CVE-2026-22558',
    product: 'network',
    summary: 'authenticated NoSQL injection lets an account escalate its privileges',
    affected: [{ below: '9.0.118' }, { from: '9.1.0', below: '10.1.89' }, { from: '10.2.0', below: '10.2.97' }],
    fixed: '10.1.89 / 10.2.97 (UniFi Express: 9.0.118)',
    cvss: 7.7,
    kev: null,
    severity: 'high',
    models: [],
    published: '2026-03-19',
    source: 'CVE record CVE-2026-22558; Ubiquiti Security Advisory Bulletin 062',
  },
  {
    cve: 'CVE-2026-34908',
    product: 'unifi-os',
    summary: 'improper access control in UniFi OS (chained with CVE-2026-34909 and CVE-2026-34910)',
    affected: [{ below: '5.1.12' }],
    fixed: '5.1.12',
    cvss: 10.0,
    kev: null,
    severity: 'critical',
    models: [...BULLETIN_064_MODELS],
    published: '2026-05-22',
    source: 'CVE record CVE-2026-34908; Ubiquiti Security Advisory Bulletin 064',
  },
  {
    cve: 'CVE-2023-41721',
    product: 'network',
    summary: 'device adoption access control flaw on UniFi Gateway consoles',
    affected: [{ below: '7.5.187' }],
    fixed: '7.5.187',
    cvss: 10.0,
    kev: null,
    severity: 'critical',
    models: ['UDM', 'UDMPRO', 'UDMPROSE', 'UDR', 'UDW'],
    hosting: 'unifi-os',
    published: '2023-10-25',
    source: 'CVE record CVE-2023-41721; Ubiquiti Security Advisory Bulletin 036',
  },
  {
    cve: 'CVE-2024-42028',
    product: 'network',
    summary: 'local privilege escalation on self-hosted UniFi Network Servers',
    affected: [{ below: '8.4.63' }],
    fixed: '8.4.63',
    cvss: 8.8,
    kev: null,
    severity: 'high',
    models: [],
    hosting: 'self-hosted',
    published: '2024-09-18',
    source: 'CVE record CVE-2024-42028; Ubiquiti Security Advisory Bulletin 043',
  },
  {
    cve: 'CVE-2024-42025',
    product: 'network',
    summary: 'command injection to root on self-hosted Linux UniFi Network Servers',
    affected: [{ below: '8.4.59' }],
    fixed: '8.4.59',
    cvss: 7.8,
    kev: null,
    severity: 'high',
    models: [],
    hosting: 'self-hosted',
    published: '2024-09-11',
    source: 'CVE record CVE-2024-42025; Ubiquiti Security Advisory Bulletin 042',
  },
  {
    cve: 'CVE-2021-44228',
    product: 'network',
    summary: 'Log4Shell: remote code execution through the bundled Log4j',
    affected: [{ below: '6.5.54' }],
    fixed: '6.5.54',
    cvss: 10.0,
    kev: true,
    severity: 'critical',
    models: [],
    published: '2021-12-10',
    source: 'CVE record CVE-2021-44228; Ubiquiti Security Advisory Bulletin 023',
  },
  {
    cve: 'CVE-2021-45046',
    product: 'network',
    summary: 'Log4j follow-up remote code execution (incomplete Log4Shell fix)',
    affected: [{ below: '6.5.55' }],
    fixed: '6.5.55',
    cvss: 9.0,
    kev: null,
    severity: 'critical',
    models: [],
    published: '2021-12-14',
    source: 'CVE record CVE-2021-45046; Ubiquiti Security Advisory Bulletin 023',
  },
]
