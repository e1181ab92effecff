/**
 * ET threat categories in plain English. The category is read from the signature
 * (`ET SCAN …`, `ETPRO TROJAN …`), then the rule-file group (`emerging-malware`, `spamhaus`), then the
 * Suricata classtype ("A Network Trojan was Detected"), because real `category` fields are classtypes
 * and keying advice on them made category-specific remediation almost never match.
 */

export const UNKNOWN_CATEGORY = 'UNKNOWN'
export const GENERIC_CATEGORY_NAME = 'Security Event'

/** The 25 names of the earlier implementation plus the ET/UniFi categories it lacked. */
export const ET_CATEGORY_NAMES: Readonly<Record<string, string>> = {
  SCAN: 'Reconnaissance',
  MALWARE: 'Malware Activity',
  POLICY: 'Policy Violation',
  TROJAN: 'Trojan Activity',
  EXPLOIT: 'Exploit Attempt',
  DOS: 'Denial of Service',
  ATTACK_RESPONSE: 'Attack Response',
  COINMINING: 'Cryptocurrency Mining',
  USER_AGENTS: 'Suspicious User Agent',
  DNS: 'DNS Anomaly',
  WEB_CLIENT: 'Web Client Attack',
  WEB_SERVER: 'Web Server Attack',
  BOTCC: 'Botnet Command & Control',
  COMPROMISED: 'Compromised Host',
  DROP: 'Blocked by Reputation',
  DSHIELD: 'Known Attacker',
  HUNTING: 'Threat Hunting Match',
  CURRENT_EVENTS: 'Active Campaign',
  PHISHING: 'Phishing Attempt',
  MOBILE_MALWARE: 'Mobile Malware',
  TOR: 'TOR Network Traffic',
  INFO: 'Informational',
  P2P: 'Peer-to-Peer Traffic',
  GAMES: 'Gaming Traffic',
  CHAT: 'Chat Application',
  CINS: 'Known Attacker (CINS reputation list)',
  CIARMY: 'Known Attacker (CINS reputation list)',
  ACTIVEX: 'ActiveX Exploit',
  ADWARE_PUP: 'Adware / Unwanted Program',
  COINMINER: 'Cryptocurrency Mining',
  WEB_SPECIFIC_APPS: 'Web Application Attack',
  EXPLOIT_KIT: 'Exploit Kit Activity',
  JA3: 'Suspicious TLS Fingerprint',
}

/** Rule-file groups whose name is not the ET category. */
const GROUP_ALIASES: Readonly<Record<string, string>> = {
  SPAMHAUS: 'DROP',
  ATTACKRESPONSE: 'ATTACK_RESPONSE',
  USERAGENTS: 'USER_AGENTS',
  WEBCLIENT: 'WEB_CLIENT',
  WEBSERVER: 'WEB_SERVER',
  CURRENTEVENTS: 'CURRENT_EVENTS',
  MOBILEMALWARE: 'MOBILE_MALWARE',
  WEBSPECIFICAPPS: 'WEB_SPECIFIC_APPS',
  ADWAREPUP: 'ADWARE_PUP',
  EXPLOITKIT: 'EXPLOIT_KIT',
}

/** Suricata classtype texts (classification.config) → ET category for naming and advice. */
const CLASSTYPE_CATEGORIES: Readonly<Record<string, string>> = {
  'a network trojan was detected': 'TROJAN',
  'detection of a network scan': 'SCAN',
  'attempted information leak': 'SCAN',
  'information leak': 'SCAN',
  'large scale information leak': 'SCAN',
  'attempted denial of service': 'DOS',
  'denial of service': 'DOS',
  'detection of a denial of service attack': 'DOS',
  'web application attack': 'WEB_SERVER',
  'potential corporate privacy violation': 'POLICY',
  'attempted administrator privilege gain': 'EXPLOIT',
  'successful administrator privilege gain': 'EXPLOIT',
  'attempted user privilege gain': 'EXPLOIT',
  'successful user privilege gain': 'EXPLOIT',
  'executable code was detected': 'EXPLOIT',
  'exploit kit activity detected': 'EXPLOIT_KIT',
  'crypto currency mining activity detected': 'COINMINING',
  'malware command and control activity detected': 'BOTCC',
  'domain observed used for c2 detected': 'BOTCC',
  'possibly unwanted program detected': 'ADWARE_PUP',
  'targeted malicious activity was detected': 'CURRENT_EVENTS',
  'successful credential theft detected': 'PHISHING',
  'not suspicious traffic': 'INFO',
  'device retrieving external ip address detected': 'INFO',
}

const ET_SIGNATURE = /^ET(PRO)?\s+(\S+)\s+(.+)$/i
const COMPACT_KEYS = new Map<string, string>(
  Object.keys(ET_CATEGORY_NAMES).map((key) => [key.replace(/_/g, ''), key] as const),
)

export interface ParsedSignature {
  pro: boolean
  category: string
  rest: string
}

/** `ET SCAN Nmap …` / `ETPRO TROJAN Win32/…` → category and rest; null for non-ET signatures (GPL, custom). */
export function parseEtSignature(signature: string | null | undefined): ParsedSignature | null {
  const match = typeof signature === 'string' ? ET_SIGNATURE.exec(signature.trim()) : null
  if (!match) return null
  return { pro: match[1] !== undefined, category: (match[2] ?? '').toUpperCase(), rest: match[3] ?? '' }
}

/** `emerging-malware`, `["emerging-web_client"]`, `spamhaus` → ET category key, or null. */
export function categoryFromGroup(group: string): string | null {
  for (const part of group.split(/[,;]/)) {
    const compact = part
      .trim()
      .replace(/^emerging-/i, '')
      .replace(/[-_\s]/g, '')
      .toUpperCase()
    if (compact === '') continue
    const key = GROUP_ALIASES[compact] ?? COMPACT_KEYS.get(compact)
    if (key) return key
  }
  return null
}

export function categoryFromClasstype(text: string): string | null {
  return CLASSTYPE_CATEGORIES[text.trim().toLowerCase()] ?? null
}

/**
 * The category key for a threat: ET category from the signature, then the raw category field read as an
 * ET category (`ET SCAN`) or a rule-file group (`emerging-malware`, `spamhaus`), then the Suricata
 * classtype (its own field, or the category field on sources that put it there); `UNKNOWN` when nothing
 * is recognised. An unlisted ET category (e.g. `ET NETBIOS`) is kept as parsed so advice falls back to
 * the generic text.
 */
export function threatCategoryKey(
  signature: string,
  rawCategory: string | null,
  classtype: string | null = null,
): string {
  const parsed = parseEtSignature(signature)
  if (parsed && ET_CATEGORY_NAMES[parsed.category]) return parsed.category
  if (rawCategory) {
    const fromField = parseEtSignature(`${rawCategory} x`)
    if (fromField && ET_CATEGORY_NAMES[fromField.category]) return fromField.category
    const key = categoryFromGroup(rawCategory) ?? categoryFromClasstype(rawCategory)
    if (key) return key
  }
  const fromClasstype = classtype ? categoryFromClasstype(classtype) : null
  return fromClasstype ?? parsed?.category ?? UNKNOWN_CATEGORY
}

/**
 * Friendly name of a category key; an unknown key shows the raw classtype when there is one
 * ("Misc Attack"), else "Security Event".
 */
export function threatCategoryName(categoryKey: string, rawCategory: string | null = null): string {
  const known = ET_CATEGORY_NAMES[categoryKey]
  if (known) return known
  const raw = rawCategory?.trim()
  if (raw && !/^(emerging-|ET(PRO)?\s)/i.test(raw) && /\s/.test(raw)) return raw
  return GENERIC_CATEGORY_NAME
}
