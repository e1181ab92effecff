/**
 * Chooses and fills the advice for one threat group. Fully blocked groups
 * get no steps ("blocked threats were stopped"), only the false-positive note when the category has one,
 * since a wrongly blocked game or update is then the thing the admin has to fix.
 */
import type { Severity } from './model.js'
import { GENERIC_ADVICE, THREAT_ADVICE, type ThreatAdvice } from './threat-remediation-texts.js'

export interface ThreatAdviceContext {
  srcIp: string | null
  destIp: string | null
  signature: string | null
}

export function threatAdviceFor(categoryKey: string): ThreatAdvice {
  return THREAT_ADVICE[categoryKey] ?? GENERIC_ADVICE
}

export function threatRemediation(
  categoryKey: string,
  severity: Severity,
  context: ThreatAdviceContext,
  blockedOnly: boolean,
): string[] {
  const advice = threatAdviceFor(categoryKey)
  const note = advice.falsePositive ? [`Possible false positive: ${advice.falsePositive}`] : []
  if (blockedOnly) return note
  const fill = (text: string): string => fillAdvice(text, context)
  if (severity === 'severe') return [...(advice.severe ?? [advice.medium]).map(fill), ...note]
  return [fill(severity === 'medium' ? advice.medium : advice.low), ...note]
}

/** Words for a value the threat does not carry (v2 system-log threats name a client but often no address). */
const MISSING: Readonly<Record<string, string>> = {
  src_ip: 'the source address',
  dest_ip: 'the destination address',
  signature: 'this signature',
}

/** `{src_ip}`, `{dest_ip}`, `{signature}`; a missing value renders as plain words so the sentence still reads. */
export function fillAdvice(text: string, context: ThreatAdviceContext): string {
  return text.replace(/\{(src_ip|dest_ip|signature)\}/g, (_whole, name: string) => {
    const value = name === 'src_ip' ? context.srcIp : name === 'dest_ip' ? context.destIp : context.signature
    return value && value.trim() !== '' ? value : (MISSING[name] ?? name)
  })
}
