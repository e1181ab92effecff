/**
 * Attributes IPS signature ids to rule sets, by the Emerging Threats SID allocation. ET PRO (2800000–2899999)
 * rules are only loaded with a CyberSecure subscription, so an ET PRO hit is proof that CyberSecure is active.
 */
import type { Ruleset } from './model.js'

export type SidClass = 'cybersecure' | 'et_open' | 'suricata_engine' | 'custom' | 'other'

export const CYBERSECURE_SID_MIN = 2_800_000
export const CYBERSECURE_SID_MAX = 2_899_999

/** Inclusive bounds; anything unlisted (0, missing, UniFi's own rules) is `other`, never dropped. */
export function classifySid(sid: number | null | undefined): SidClass {
  if (typeof sid !== 'number' || !Number.isInteger(sid) || sid <= 0) return 'other'
  if (sid >= CYBERSECURE_SID_MIN && sid <= CYBERSECURE_SID_MAX) return 'cybersecure'
  const million = Math.floor(sid / 100_000)
  // 20xxxxx Open, 21xxxxx forked GPL, 24xxxxx reputation lists (Spamhaus, DShield, CIArmy, BotCC), 25xxxxx Tor/3CORESec.
  if (million === 20 || million === 21 || million === 24 || million === 25) return 'et_open'
  if (million === 22) return 'suricata_engine'
  if (sid >= 1_000_000 && sid <= 1_999_999) return 'custom'
  return 'other'
}

export function isCyberSecureSid(sid: number | null | undefined): boolean {
  return classifySid(sid) === 'cybersecure'
}

const ETPRO_PREFIX = /^\s*ETPRO\s/i
const ET_PREFIX = /^\s*ET\s/i

/** A signature text starting with `ETPRO ` is an ET PRO rule even when the SID is unknown. */
export function isEtProSignature(signature: string | null | undefined): boolean {
  return typeof signature === 'string' && ETPRO_PREFIX.test(signature)
}

/** CyberSecure attribution of one threat: ET PRO SID, or an `ETPRO` signature. */
export function isCyberSecureThreat(threat: { signatureId: number | null; signature: string }): boolean {
  return isCyberSecureSid(threat.signatureId) || isEtProSignature(threat.signature)
}

/** The report's ruleset bucket: SID first, the signature prefix when no SID is known. */
export function rulesetOf(threat: { signatureId: number | null; signature: string }): Ruleset {
  const sidClass = classifySid(threat.signatureId)
  if (sidClass === 'cybersecure') return 'et-pro'
  if (sidClass === 'et_open') return 'et-open'
  if (sidClass !== 'other' || (threat.signatureId ?? 0) > 0) return 'other'
  if (isEtProSignature(threat.signature)) return 'et-pro'
  if (ET_PREFIX.test(threat.signature)) return 'et-open'
  return 'other'
}
