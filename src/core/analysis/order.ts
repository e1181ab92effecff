/**
 * Orderings shared by the analysis. Text compares by code unit, not `localeCompare`: the output must not
 * depend on the machine's locale, and ICU comparison is slow on tens of thousands of findings.
 */
import type { Severity } from './model.js'

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { severe: 0, medium: 1, low: 2 }

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
