/** Drift between two runs of the same site: new gaps, fixed gaps, changed values and the score change. */
import { describe, expect, it } from 'vitest'
import { assessPosture } from '../../../../src/core/analysis/posture/assess.js'
import { postureDrift, postureSnapshot } from '../../../../src/core/analysis/posture/drift.js'
import { contextOf, setting, wellKeptRaw } from './posture-builder.js'

describe('posture drift', () => {
  it('has nothing to compare on the first report', () => {
    expect(postureDrift(postureSnapshot(assessPosture(contextOf(wellKeptRaw()))), null)).toBeNull()
  })

  it('names the gap that appeared, the one still open, the one fixed, and the score change', () => {
    const first = wellKeptRaw()
    Object.assign(setting(first, 'mgmt'), { x_ssh_enabled: true, x_ssh_auth_password_enabled: true })
    setting(first, 'doh').state = 'off'
    const second = wellKeptRaw()
    Object.assign(setting(second, 'mgmt'), { x_ssh_enabled: true, x_ssh_auth_password_enabled: true })
    setting(second, 'usg').upnp_enabled = true
    const before = postureSnapshot(assessPosture(contextOf(first)))
    const after = postureSnapshot(assessPosture(contextOf(second)))
    const drift = postureDrift(after, before)
    expect(drift?.newGaps.map((g) => g.id)).toEqual(['UPNP-ENABLED'])
    expect(drift?.stillOpen.map((g) => g.id)).toEqual(['MGMT-SSH-PASSWORD', 'MGMT-SSH'])
    expect(drift?.fixedGaps).toEqual([])
    expect(drift?.previousScore).toBe(before.score)
    expect(drift?.score).toBe(after.score)
    expect(drift?.sentence).toBe(
      `Score ${before.score} → ${after.score}: new: UPnP is on; still open: device SSH accepts a password; still open: device SSH is enabled on every adopted device.`,
    )
    // DNS went from a recommendation to ok: a changed value, not a fixed gap.
    expect(drift?.changed.map((c) => c.id)).toContain('DNS-ENCRYPTED')
  })

  it('reports a fixed gap and the changed evidence of a check that kept its verdict', () => {
    const first = wellKeptRaw()
    setting(first, 'usg').upnp_enabled = true
    ;(first.wlans[0] as Record<string, unknown>).x_passphrase = 'a-20-character-psk!!'
    const second = wellKeptRaw()
    ;(second.wlans[0] as Record<string, unknown>).x_passphrase = 'a passphrase that is longer now'
    const drift = postureDrift(
      postureSnapshot(assessPosture(contextOf(second))),
      postureSnapshot(assessPosture(contextOf(first))),
    )
    expect(drift?.fixedGaps.map((g) => g.id)).toEqual(['UPNP-ENABLED'])
    const psk = drift?.changed.find((c) => c.id === 'WIFI-PSK-LENGTH')
    expect(psk?.before).toContain('passphrase of 20 characters')
    expect(psk?.after).toContain('passphrase of 31 characters')
  })
})
