/**
 * The building blocks every check uses: the static part of a check (area, title, why, UI path) is written once in
 * the catalogue; a check's logic returns only what it found. A source that could not be read, or a field the
 * firmware does not report (null), gives `unknown` with the reason — never `ok`.
 */
import type { PostureRead } from '../../unifi/posture-model.js'
import type { PostureArea, PostureCheckResult, PostureSeverity, PostureStatus } from './model.js'

export interface CheckMeta {
  id: string
  area: PostureArea
  title: string
  /** The severity of a gap; a check may raise or lower it with what it found. */
  severity: PostureSeverity
  why: string
  fix: string
}

export interface Verdict {
  status: PostureStatus
  severity?: PostureSeverity
  evidence: string[]
  reason?: string
}

export const ok = (...evidence: string[]): Verdict => ({ status: 'ok', evidence })
export const gap = (evidence: string[], severity?: PostureSeverity): Verdict => ({
  status: 'gap',
  evidence,
  ...(severity === undefined ? {} : { severity }),
})
export const recommend = (evidence: string[], severity?: PostureSeverity): Verdict => ({
  status: 'recommendation',
  evidence,
  ...(severity === undefined ? {} : { severity }),
})
export const unknown = (reason: string, ...evidence: string[]): Verdict => ({ status: 'unknown', evidence, reason })

/** Thrown inside a check when a source or field is missing; `runCheck` turns it into `unknown`. */
export class CannotCheck extends Error {}

/** The value of a read source, or "could not check" with its reason. */
export function need<T>(read: PostureRead<T>): T {
  if (read.state !== 'read') throw new CannotCheck(read.reason)
  return read.value
}

/** A settings section, or "could not check" when the controller did not return it. */
export function section<T>(value: T | null, key: string): T {
  if (value === null) throw new CannotCheck(`the controller returned no ${key} settings section`)
  return value
}

/** A field, or "could not check" when this firmware does not report it. */
export function field<T>(value: T | null, name: string): T {
  if (value === null) throw new CannotCheck(`${name} is not reported by this controller`)
  return value
}

export function runCheck(meta: CheckMeta, evaluate: () => Verdict): PostureCheckResult {
  let verdict: Verdict
  try {
    verdict = evaluate()
  } catch (error) {
    if (!(error instanceof CannotCheck)) throw error
    verdict = unknown(error.message)
  }
  return {
    id: meta.id,
    area: meta.area,
    title: meta.title,
    status: verdict.status,
    severity: verdict.severity ?? meta.severity,
    evidence: verdict.evidence.slice(0, 12),
    reason: verdict.status === 'unknown' ? (verdict.reason ?? 'could not check') : null,
    why: meta.why,
    fix: meta.fix,
  }
}

/** `"Office"`: names quoted in evidence so a blank or odd name still reads. */
export const quote = (name: string): string => `"${name.slice(0, 64)}"`

/** A value as evidence shows it: booleans and numbers as is, null as "not reported". */
export function shown(value: string | number | boolean | null): string {
  return value === null ? 'not reported' : String(value)
}
