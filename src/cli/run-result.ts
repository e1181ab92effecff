/** A finished run as the CLI prints it: the `report --json` object and, after a TLS trust failure, what to pin. */
import type { RunOutcome } from '../core/pipeline/outcome.js'
import { toRunJson, type RunJson } from '../core/pipeline/run-json.js'

export interface RunResult {
  json: RunJson
  /** The certificate fingerprint the controller presented when TLS trust failed, so the admin can pin it. */
  presentedFingerprint: string | null
}

export function toRunResult(outcome: RunOutcome): RunResult {
  return { json: toRunJson(outcome), presentedFingerprint: outcome.unifi.error?.presentedFingerprint ?? null }
}
