/**
 * The posture collection of a run: the posture reads, plus what the wave already read for other sections — the
 * settings sections of the threat-management read, the firmware fields of the device read and the posture fields
 * of `stat/sysinfo` — so none of those is asked for twice. The coverage model counts the settings attempt for
 * the posture too (`unifi/coverage.ts`).
 */
import type { SourceAttempt } from '../model.js'
import type {
  PostureCollection,
  PostureDevice,
  PostureRead,
  PostureSettings,
  PostureSysinfo,
} from '../posture-model.js'
import type { SourceLog } from '../source-log.js'
import type { PostureResult } from './posture.js'
import { refusalReason } from './posture-read.js'

const answered = (attempt: SourceAttempt): boolean => attempt.outcome === 'used' || attempt.outcome === 'empty'

export function postureCollection(
  reads: PostureResult,
  settingsRead: { log: SourceLog; posture: PostureSettings | null },
  devices: { log: SourceLog; firmware: PostureDevice[] },
  sysinfo: PostureSysinfo | null,
): PostureCollection {
  const settingsAttempts = settingsRead.log.attempts.filter((a) => a.data === 'ips-settings')
  const settingsAttempt = settingsAttempts[0]
  const settings: PostureRead<PostureSettings> =
    settingsRead.posture !== null
      ? { state: 'read', endpoint: 'rest/setting', value: settingsRead.posture }
      : {
          state: 'unavailable',
          endpoint: 'rest/setting',
          reason:
            settingsAttempt === undefined
              ? 'the settings were not read'
              : refusalReason('rest/setting', settingsAttempt.errorCode ?? null, settingsAttempt.reason ?? null),
        }
  const deviceRead: PostureRead<PostureDevice[]> = devices.log.attempts.some((a) => a.data === 'devices' && answered(a))
    ? { state: 'read', endpoint: 'stat/device', value: devices.firmware }
    : { state: 'unavailable', endpoint: 'stat/device', reason: 'the device list could not be read' }
  const sysinfoRead: PostureRead<PostureSysinfo> =
    sysinfo === null
      ? { state: 'unavailable', endpoint: 'stat/sysinfo', reason: 'stat/sysinfo could not be read' }
      : { state: 'read', endpoint: 'stat/sysinfo', value: sysinfo }
  return { ...reads.value, settings, devices: deviceRead, sysinfo: sysinfoRead }
}
