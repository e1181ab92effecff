/**
 * What the posture audit concludes: one result per check (a stable id, a status, a severity, evidence that
 * names the object, field and value — never a secret — why it matters and where in the UniFi UI to fix it),
 * the compound risks, and the score with every deduction listed. Plain JSON, so the report model, the history
 * and the IPC status can carry it.
 */

/** `gap`: proven unsafe; `recommendation`: worth changing; `unknown`: could not check (with the reason); `ok`. */
export type PostureStatus = 'gap' | 'recommendation' | 'unknown' | 'ok'
export type PostureSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info'

export const POSTURE_AREAS = [
  'management',
  'firmware',
  'backup',
  'logging',
  'protection',
  'exposure',
  'wifi',
  'segmentation',
  'compound',
] as const
export type PostureArea = (typeof POSTURE_AREAS)[number]

export interface PostureCheckResult {
  id: string
  area: PostureArea
  title: string
  status: PostureStatus
  severity: PostureSeverity
  /** Which object, which field, which value: `WLAN "Office": security = wpapsk, wpa3_support = false`. */
  evidence: string[]
  /** For `unknown`: why it could not be checked. */
  reason: string | null
  why: string
  /** The exact place in the UniFi UI to change it. */
  fix: string
}

export interface CompoundRisk {
  id: string
  title: string
  severity: PostureSeverity
  /** The check ids that combine into this risk. */
  contributors: string[]
  why: string
}

export interface Deduction {
  id: string
  area: PostureArea
  status: PostureStatus
  severity: PostureSeverity
  points: number
}

export interface AreaDeduction {
  area: PostureArea
  /** Sum of the area's deductions before the cap. */
  raw: number
  /** What the area takes off the score: `min(raw, cap)`. */
  applied: number
  cap: number
}

export interface PostureScore {
  /** 0–100; null when too little could be checked for a score to mean anything. */
  score: number | null
  grade: string | null
  deductions: Deduction[]
  areas: AreaDeduction[]
  /** Checks that could be evaluated (not unknown) / all checks. */
  checked: number
  total: number
  /** Why there is no score (null when there is one): too few checks evaluated, or the site settings unread. */
  noScore: string | null
}

export interface PostureAssessment {
  checks: PostureCheckResult[]
  compound: CompoundRisk[]
  score: PostureScore
  /** "Advisory data as of" this date (YYYY-MM-DD). */
  advisoriesAsOf: string
  /** Firewall surface the site runs (`legacy`, `zone-based`), null when unknown. */
  firewallMode: 'legacy' | 'zone-based' | null
}
