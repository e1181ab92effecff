/** Runs every posture check, the compound risks and the score for one collection. */
import { ADVISORIES_AS_OF } from './advisories.js'
import { backupLoggingChecks } from './checks-backup-logging.js'
import { exposureChecks } from './checks-exposure.js'
import { firmwareChecks } from './checks-firmware.js'
import { managementChecks } from './checks-management.js'
import { protectionChecks } from './checks-protection.js'
import { segmentationChecks } from './checks-segmentation.js'
import { wifiChecks } from './checks-wifi.js'
import { compoundRisks } from './compound.js'
import type { PostureContext } from './context.js'
import type { PostureAssessment } from './model.js'
import { scorePosture } from './score.js'

export function assessPosture(ctx: PostureContext): PostureAssessment {
  const checks = [
    ...managementChecks(ctx),
    ...firmwareChecks(ctx),
    ...backupLoggingChecks(ctx),
    ...protectionChecks(ctx),
    ...exposureChecks(ctx),
    ...wifiChecks(ctx),
    ...segmentationChecks(ctx),
  ]
  const compound = compoundRisks(checks)
  const { firewall, settings } = ctx.posture
  return {
    checks,
    compound,
    score: scorePosture(checks, compound, settings.state === 'unavailable' ? settings.reason : null),
    advisoriesAsOf: ADVISORIES_AS_OF,
    firewallMode: firewall.state === 'read' ? firewall.value.mode : null,
  }
}
