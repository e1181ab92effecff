/** The run's posture JSON counts the checks it could not evaluate and names why, the most common reason first. */
import { describe, expect, it } from 'vitest'
import { assessPosture } from '../../../src/core/analysis/posture/assess.js'
import { postureSnapshot } from '../../../src/core/analysis/posture/drift.js'
import { postureJson } from '../../../src/core/pipeline/posture.js'
import { contextOf, wellKeptRaw } from '../analysis/posture/posture-builder.js'

function runPostureOf(ctx: ReturnType<typeof contextOf>) {
  const assessment = assessPosture(ctx)
  return { assessment, snapshot: postureSnapshot(assessment), drift: null, site: 'default', historyWarning: null }
}

describe('posture JSON: what could not be checked', () => {
  it('counts exactly the unknown checks on a site where every read was answered', () => {
    const json = postureJson(runPostureOf(contextOf(wellKeptRaw())))
    expect(json.checks.filter((c) => c.status === 'unknown').length).toBe(json.unchecked.count)
    expect(json.score).not.toBeNull()
  })

  it('puts the refused settings first when they leave most checks unknown, and counts every unknown check', () => {
    const ctx = contextOf(wellKeptRaw())
    const refused = 'the controller refused rest/setting to the API key; a local read-only admin account can read it'
    ctx.posture.settings = { state: 'unavailable', endpoint: 'rest/setting', reason: refused }
    ctx.posture.wlans = { state: 'unavailable', endpoint: 'rest/wlanconf', reason: 'rest/wlanconf could not be read' }
    const json = postureJson(runPostureOf(ctx))
    const unknown = json.checks.filter((c) => c.status === 'unknown')
    expect(json.unchecked.count).toBe(unknown.length)
    expect(json.unchecked.reasons[0]).toBe(refused)
    expect(json.unchecked.reasons).toContain('rest/wlanconf could not be read')
    expect(new Set(json.unchecked.reasons).size).toBe(json.unchecked.reasons.length)
  })

  it('has no unchecked checks when no posture was assessed', () => {
    expect(postureJson(null).unchecked).toEqual({ count: 0, reasons: [] })
  })
})
