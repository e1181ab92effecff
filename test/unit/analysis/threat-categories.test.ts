import { describe, expect, it } from 'vitest'
import {
  ET_CATEGORY_NAMES,
  parseEtSignature,
  threatCategoryKey,
  threatCategoryName,
} from '../../../src/core/analysis/threat-categories.js'
import { THREAT_ADVICE } from '../../../src/core/analysis/threat-remediation-texts.js'

const REFERENCE_NAMES: Record<string, string> = {
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
}

describe('ET categories', () => {
  it('has the 25 reference names, each with advice', () => {
    expect(Object.keys(REFERENCE_NAMES)).toHaveLength(25)
    for (const [key, name] of Object.entries(REFERENCE_NAMES)) {
      expect(ET_CATEGORY_NAMES[key]).toBe(name)
      expect(threatCategoryKey(`ET ${key} something`, null)).toBe(key)
      expect(THREAT_ADVICE[key], key).toBeDefined()
    }
  })

  it('understands the ETPRO prefix (the earlier pattern did not)', () => {
    expect(parseEtSignature('ETPRO TROJAN Win32/Example CnC Checkin')).toEqual({
      pro: true,
      category: 'TROJAN',
      rest: 'Win32/Example CnC Checkin',
    })
    expect(parseEtSignature('ET SCAN Nmap Scripting Engine User-Agent')?.pro).toBe(false)
    expect(threatCategoryName(threatCategoryKey('ETPRO MALWARE Example', null))).toBe('Malware Activity')
    expect(parseEtSignature('GPL ATTACK_RESPONSE id check returned root')).toBeNull()
  })

  it('falls back to the rule-file group, then the classtype, then "Security Event"', () => {
    expect(threatCategoryKey('', 'emerging-malware')).toBe('MALWARE')
    expect(threatCategoryKey('', 'emerging-web_client')).toBe('WEB_CLIENT')
    expect(threatCategoryKey('', 'spamhaus')).toBe('DROP')
    expect(threatCategoryKey('', 'ciarmy')).toBe('CIARMY')
    expect(threatCategoryKey('', 'ET SCAN')).toBe('SCAN')
    expect(threatCategoryKey('', 'A Network Trojan was Detected')).toBe('TROJAN')
    expect(threatCategoryKey('Custom rule 1', 'Misc Attack')).toBe('UNKNOWN')
    expect(threatCategoryName('UNKNOWN', 'Misc Attack')).toBe('Misc Attack')
    expect(threatCategoryName('UNKNOWN', null)).toBe('Security Event')
    expect(threatCategoryName('UNKNOWN', 'emerging-unknownthing')).toBe('Security Event')
  })

  it('reads the classtype from its own field when the signature and group say nothing', () => {
    expect(threatCategoryKey('GPL ATTACK_RESPONSE id check returned root', null, 'A Network Trojan was Detected')).toBe(
      'TROJAN',
    )
    expect(threatCategoryKey('ET SCAN x', 'emerging-malware', 'A Network Trojan was Detected')).toBe('SCAN')
    expect(threatCategoryKey('', 'spamhaus', 'Misc Attack')).toBe('DROP')
    expect(threatCategoryKey('', null, 'Misc Attack')).toBe('UNKNOWN')
  })

  it('prefers the signature category over a conflicting group or classtype', () => {
    expect(threatCategoryKey('ET DROP Spamhaus DROP Listed Traffic Inbound group 23', 'Misc Attack')).toBe('DROP')
    expect(threatCategoryKey('ET MALWARE Suspicious User Agent (Autoupdate)', 'A Network Trojan was Detected')).toBe(
      'MALWARE',
    )
  })

  it('names the extra categories the earlier map lacked', () => {
    expect(
      threatCategoryName(threatCategoryKey('ET CINS Active Threat Intelligence Poor Reputation IP group 42', null)),
    ).toBe('Known Attacker (CINS reputation list)')
    expect(threatCategoryName('ADWARE_PUP')).toBe('Adware / Unwanted Program')
  })
})
