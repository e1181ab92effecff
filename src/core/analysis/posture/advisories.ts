/**
 * Published advisories for the UniFi Network application and for UniFi OS console and gateway firmware, matched
 * by version. Consoles are matched by the internal model code the controller reports (`stat/device.model`,
 * `stat/sysinfo.ubnt_device_type`: `UDMPRO`, `UDMA6A8`), never by marketing names, which no controller sends.
 * Sources per row: the CVE record in the CVE Program's list (CVEProject/cvelistV5) and the Ubiquiti Security
 * Advisory Bulletin it cites; KEV from CISA's catalogue (cisagov/kev-data, or the CISA-ADP `kev` entry of the CVE
 * record); model codes per code in BULLETIN_064_MODELS. See docs/configuration-posture.md#advisories.
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

/**
 * How well a model code is established: `capture` — seen as the model or platform a console reports in a
 * public capture or test; `firmware` — the platform name in Ubiquiti's own firmware file names for that
 * console (the same codes consoles report for most models, not for all: the UCG Fiber's firmware says `UCGF`,
 * its `stat/device.model` is `UDMA6A8`); `unverified` — listed by community model maps only. An unverified code
 * can only fail to match (a false "no advisory"), never match another model.
 */
export type ModelEvidence = 'capture' | 'firmware' | 'unverified'

export interface ConsoleModel {
  /** The code in `stat/device.model` / `stat/sysinfo.ubnt_device_type`. */
  code: string
  /** The product as the CVE record names it. */
  product: string
  evidence: ModelEvidence
  source: string
}

const FIRMWARE_FILES = "Ubiquiti's UniFi OS firmware file names (fw-download.ubnt.com/data/unifi-dream/…)"

/**
 * Consoles and gateways named in CVE-2026-34908 (Bulletin 064), by model code. Products of that record with no
 * code that could be confirmed are left out rather than guessed, so they never match: UDR-5G, Express 7,
 * UCG-Industrial (two community maps disagree: UDMA6AD / UCGA6AD), UNVR-Instant, UNVR-G2, UNVR-G2-Pro, ENVR,
 * ENVR-Core, the UNAS models (fixed in 5.1.10) and UniFi OS Server (self-hosted, fixed in 5.0.8). Checked
 * 2026-12-04.
 */
export const BULLETIN_064_MODELS: readonly ConsoleModel[] = [
  {
    code: 'UDMPRO',
    product: 'UDM-Pro',
    evidence: 'capture',
    source: 'robbeverhelst/unifi-reactor testdata (stat/device of a UDM Pro, Network 10.5.67)',
  },
  {
    code: 'UDMA6A8',
    product: 'UCG-Fiber',
    evidence: 'capture',
    source: 'garymike/unifi-security-advisor samples/fixture-cgf-backup.json',
  },
  {
    code: 'UDMPROSE',
    product: 'UDM-SE',
    evidence: 'capture',
    source:
      'bdraco/unifi-discovery tests/test_init.py (hardware shortname) and unifi_discovery/__init__.py PROBE_PLATFORMS',
  },
  {
    code: 'UCKP',
    product: 'UCKP',
    evidence: 'capture',
    source: 'bdraco/unifi-discovery unifi_discovery/__init__.py PROBE_PLATFORMS; the CVE record names it UCKP',
  },
  {
    code: 'UNVR',
    product: 'UNVR',
    evidence: 'capture',
    source: 'bdraco/unifi-discovery unifi_discovery/__init__.py PROBE_PLATFORMS',
  },
  {
    code: 'UNVRPRO',
    product: 'UNVR-Pro',
    evidence: 'capture',
    source: 'bdraco/unifi-discovery unifi_discovery/__init__.py PROBE_PLATFORMS',
  },
  {
    code: 'UDMPROMAX',
    product: 'UDM-Pro-Max',
    evidence: 'firmware',
    source:
      'https://fw-download.ubnt.com/data/unifi-dream/4092-UDMPROMAX-4.3.6-04d08e37-0365-4e68-a217-207667f27c39.bin (linked from ui.com/download/software/udm-pro-max)',
  },
  {
    code: 'UDRULT',
    product: 'UCG-Ultra',
    evidence: 'firmware',
    source: `${FIRMWARE_FILES}: …-UDRULT-5.1.31-….bin; also the model of a UCG Ultra stat/device record (type udm) in public Go tests against unpoller/unifi`,
  },
  { code: 'UCGMAX', product: 'UCG-Max', evidence: 'firmware', source: `${FIRMWARE_FILES}: 7ed2-UCGMAX-5.1.31-….bin` },
  { code: 'UDR', product: 'UDR', evidence: 'firmware', source: `${FIRMWARE_FILES}: 4bbe-UDR-5.1.31-….bin` },
  { code: 'UDR7', product: 'UDR7', evidence: 'firmware', source: `${FIRMWARE_FILES}: f2d6-UDR7-5.1.31-….bin` },
  {
    code: 'UDM',
    product: 'UDM',
    evidence: 'firmware',
    source: 'uityleryu/fcd include/UDM.mk (UDM.alpinev2 factory images); community model maps',
  },
  { code: 'UDW', product: 'UDW', evidence: 'unverified', source: 'community model maps only' },
  {
    code: 'UCKG2',
    product: 'UCK',
    evidence: 'unverified',
    source:
      'community model maps (Cloud Key Gen2); the CVE record says "UCK", read as the Gen2, the Cloud Key that runs UniFi OS',
  },
  {
    code: 'UDMENT',
    product: 'EFG',
    evidence: 'unverified',
    source: 'two community model maps (UDMENT = Enterprise Fortress Gateway)',
  },
  {
    code: 'UCKENT',
    product: 'UCK-Enterprise',
    evidence: 'unverified',
    source: 'two community model maps (UCKENT = Cloud Key Enterprise)',
  },
]

/** The UDM Beast, fixed one build earlier (5.1.11) than the rest of Bulletin 064. */
export const BULLETIN_064_BEAST: readonly ConsoleModel[] = [
  {
    code: 'UDMEA4C',
    product: 'UDM-Beast',
    evidence: 'firmware',
    source: `${FIRMWARE_FILES}: 1ac6-UDMEA4C-5.1.31-….bin (the UDM Beast download)`,
  },
]

const codes = (models: readonly ConsoleModel[]): string[] => models.map((m) => m.code)

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
    // KEV: the record's CISA-ADP container has no kev entry (snapshot of 2026-06-24 or later); not confirmed since.
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
    // KEV: as for CVE-2026-22557.
    source: 'CVE record CVE-2026-22558; Ubiquiti Security Advisory Bulletin 062',
  },
  {
    cve: 'CVE-2026-34908',
    product: 'unifi-os',
    summary: 'improper access control in UniFi OS (chained with CVE-2026-34909 and CVE-2026-34910)',
    affected: [{ below: '5.1.12' }],
    fixed: '5.1.12',
    cvss: 10.0,
    kev: true,
    severity: 'critical',
    models: codes(BULLETIN_064_MODELS),
    published: '2026-05-22',
    source:
      'CVE record CVE-2026-34908 (affected products, lessThan 5.1.12; CISA-ADP kev entry: added to the KEV catalogue ' +
      '2026-06-23, https://www.cisa.gov/known-exploited-vulnerabilities-catalog?field_cve=CVE-2026-34908); ' +
      'Ubiquiti Security Advisory Bulletin 064',
  },
  {
    cve: 'CVE-2026-34908',
    product: 'unifi-os',
    summary: 'improper access control in UniFi OS (chained with CVE-2026-34909 and CVE-2026-34910)',
    affected: [{ below: '5.1.11' }],
    fixed: '5.1.11',
    cvss: 10.0,
    kev: true,
    severity: 'critical',
    models: codes(BULLETIN_064_BEAST),
    published: '2026-05-22',
    source:
      'CVE record CVE-2026-34908 (product UDM-Beast, lessThan 5.1.11; CISA-ADP kev entry 2026-06-23); ' +
      'Ubiquiti Security Advisory Bulletin 064',
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
    // The record lists UDM, UDM-PRO, UDM-SE, UDR and UDW; codes as in BULLETIN_064_MODELS.
    models: ['UDM', 'UDMPRO', 'UDMPROSE', 'UDR', 'UDW'],
    hosting: 'unifi-os',
    published: '2023-10-25',
    // KEV: not listed in cisagov/kev-data as of 2025-08-25, no kev entry in the record; not confirmed since.
    source: 'CVE record CVE-2023-41721 (7.5.176 and earlier); Ubiquiti Security Advisory Bulletin 036',
  },
  {
    cve: 'CVE-2024-42028',
    product: 'network',
    summary: 'local privilege escalation on self-hosted UniFi Network Servers',
    affected: [{ below: '8.4.63' }],
    // The record says "8.4.62 and earlier"; which release first carried the fix is not in it.
    fixed: 'a release after 8.4.62',
    cvss: 8.8,
    kev: null,
    severity: 'high',
    models: [],
    hosting: 'self-hosted',
    published: '2024-10-28',
    // KEV: not listed in cisagov/kev-data as of 2025-08-25; not confirmed since.
    source: 'CVE record CVE-2024-42028 (8.4.62 and earlier); Ubiquiti Security Advisory Bulletin 043',
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
    published: '2024-09-13',
    // KEV: not listed in cisagov/kev-data as of 2025-08-25; not confirmed since.
    source: 'CVE record CVE-2024-42025 (lessThan 8.4.59); Ubiquiti Security Advisory Bulletin 042',
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
    source: 'CVE record CVE-2021-44228; cisagov/kev-data (added 2021-12-10); Ubiquiti Security Advisory Bulletin 023',
  },
  {
    cve: 'CVE-2021-45046',
    product: 'network',
    summary: 'Log4j follow-up remote code execution (incomplete Log4Shell fix)',
    affected: [{ below: '6.5.55' }],
    fixed: '6.5.55',
    // NVD's base score; Apache's own record first rated it 3.7.
    cvss: 9.0,
    kev: true,
    severity: 'critical',
    models: [],
    published: '2021-12-14',
    source: 'CVE record CVE-2021-45046; cisagov/kev-data (added 2023-05-01); Ubiquiti Security Advisory Bulletin 023',
  },
]
