/** Backups (automatic, off the device, retention, restore) and logging (remote syslog, its content, deny logging). */
import type { PostureContext } from './context.js'
import type { PostureCheckResult } from './model.js'
import {
  CannotCheck,
  field,
  gap,
  need,
  ok,
  quote,
  recommend,
  runCheck,
  section,
  unknown,
  type CheckMeta,
} from './kit.js'

const BACKUP_PAGE = 'UniFi Network > Settings > System > Backups (UniFi OS consoles: UniFi OS > Settings > Backups)'

const META = {
  auto: {
    id: 'BAK-AUTO',
    area: 'backup',
    title: 'Automatic backups are off',
    severity: 'high',
    why: 'Without automatic backups there is no recent recovery point after a failure, a bad update or a compromise.',
    fix: `${BACKUP_PAGE}: turn Auto Backup on.`,
  },
  offsite: {
    id: 'BAK-OFFSITE',
    area: 'backup',
    title: 'Backups stay on the console only',
    severity: 'medium',
    why: 'A backup kept on the console is lost together with the console.',
    fix: `${BACKUP_PAGE}: turn on cloud backup, or download backups to storage off the console.`,
  },
  retention: {
    id: 'BAK-RETENTION',
    area: 'backup',
    title: 'Few automatic backups are kept',
    severity: 'low',
    why: 'With only a few backups kept, a problem noticed late has already rotated out every clean copy.',
    fix: `${BACKUP_PAGE}: keep at least 7 backups.`,
  },
  restore: {
    id: 'BAK-RESTORE-TESTED',
    area: 'backup',
    title: 'Restoring a backup has been tested',
    severity: 'medium',
    why: 'A backup nobody has restored is a hope, not a recovery plan.',
    fix: 'Restore a recent backup to a spare console or UniFi OS Server once, and note the date.',
  },
  syslog: {
    id: 'LOG-SYSLOG',
    area: 'logging',
    title: 'No remote syslog server',
    severity: 'medium',
    why: 'Logs kept only on the gateway die with it and cannot be searched when something happened.',
    fix: 'UniFi Network > Settings > CyberSecure (or System) > Traffic Logging > Activity Logging (Syslog): add a SIEM or syslog server.',
  },
  contents: {
    id: 'LOG-SYSLOG-CONTENT',
    area: 'logging',
    title: 'Remote syslog leaves out security streams',
    severity: 'low',
    why: 'Without security detections, firewall default-policy hits and admin activity, the remote log misses what matters.',
    fix: 'UniFi Network > Settings > Traffic Logging > Activity Logging: tick Security Detections, Firewall Default Policy and Admin Activity.',
  },
  deny: {
    id: 'LOG-DENY-RULES',
    area: 'logging',
    title: 'Blocking rules do not log',
    severity: 'low',
    why: 'Without logging on deny rules there is no record of attempted access.',
    fix: 'UniFi Network > Settings > Security > Firewall (Policy Table): enable Syslog Logging on the key block rules.',
  },
} satisfies Record<string, CheckMeta>

const OFFSITE = new Set(['copy_cloud', 'copy_gcs', 'copy_s3'])
const SECURITY_CONTENTS = ['security_detections', 'firewall_default_policy', 'admin_activity']

export function backupLoggingChecks(ctx: PostureContext): PostureCheckResult[] {
  const superMgmt = () => section(need(ctx.posture.settings).superMgmt, 'super_mgmt')
  return [
    runCheck(META.auto, () => {
      const fromSettings =
        ctx.posture.settings.state === 'read' ? (ctx.posture.settings.value.superMgmt?.autobackupEnabled ?? null) : null
      const fromSysinfo = ctx.posture.sysinfo.state === 'read' ? ctx.posture.sysinfo.value.autobackup : null
      const enabled = fromSettings ?? fromSysinfo
      if (enabled === null)
        throw new CannotCheck('neither super_mgmt.autobackup_enabled nor stat/sysinfo autobackup was readable')
      const evidence =
        fromSettings !== null ? `super_mgmt.autobackup_enabled = ${enabled}` : `stat/sysinfo autobackup = ${enabled}`
      return enabled ? ok(evidence) : gap([evidence])
    }),
    runCheck(META.offsite, () => {
      const s = superMgmt()
      if (s.autobackupEnabled === false) return unknown('automatic backups are off, so there is nothing to copy')
      const actions = field(s.autobackupPostActions, 'super_mgmt.autobackup_post_actions')
      const offsite = actions.some((a) => OFFSITE.has(a)) || s.backupToCloud === true
      const evidence = [
        `super_mgmt.autobackup_post_actions = [${actions.join(', ')}]`,
        `super_mgmt.backup_to_cloud_enabled = ${String(s.backupToCloud)}`,
      ]
      return offsite ? ok(...evidence) : gap(evidence)
    }),
    runCheck(META.retention, () => {
      const files = field(superMgmt().autobackupMaxFiles, 'super_mgmt.autobackup_max_files')
      return files < 7
        ? recommend([`super_mgmt.autobackup_max_files = ${files}`])
        : ok(`super_mgmt.autobackup_max_files = ${files}`)
    }),
    runCheck(META.restore, () =>
      unknown('whether a restore was ever tested is not visible through the controller API; confirm it yourself'),
    ),
    runCheck(META.syslog, () => {
      const syslog = section(need(ctx.posture.settings).rsyslogd, 'rsyslogd')
      const enabled = field(syslog.enabled, 'rsyslogd.enabled')
      if (enabled && syslog.hostSet === true) return ok('rsyslogd.enabled = true', 'rsyslogd.ip is set')
      return gap([`rsyslogd.enabled = ${enabled}`, `rsyslogd.ip ${syslog.hostSet === true ? 'is set' : 'is empty'}`])
    }),
    runCheck(META.contents, () => {
      const syslog = section(need(ctx.posture.settings).rsyslogd, 'rsyslogd')
      if (syslog.enabled !== true) return unknown('remote syslog is off (see LOG-SYSLOG)')
      if (syslog.logAllContents === true) return ok('rsyslogd.log_all_contents = true')
      const contents = field(syslog.contents, 'rsyslogd.contents')
      const missing = SECURITY_CONTENTS.filter((c) => !contents.includes(c))
      return missing.length > 0
        ? recommend([`rsyslogd.contents = [${contents.join(', ')}]`, `missing: ${missing.join(', ')}`])
        : ok(`rsyslogd.contents = [${contents.join(', ')}]`)
    }),
    runCheck(META.deny, () => {
      const firewall = need(ctx.posture.firewall)
      const deny =
        firewall.mode === 'legacy'
          ? firewall.rules
              .filter((r) => r.enabled !== false && (r.action === 'drop' || r.action === 'reject'))
              .map((r) => ({ name: r.name, logging: r.logging, predefined: false }))
          : firewall.policies
              .filter((p) => p.enabled !== false && (p.action === 'BLOCK' || p.action === 'REJECT'))
              .map((p) => ({ name: p.name, logging: p.logging, predefined: p.predefined === true }))
      const own = deny.filter((d) => !d.predefined)
      if (own.length === 0) return ok(`no user-defined block ${firewall.mode === 'legacy' ? 'rules' : 'policies'}`)
      const silent = own.filter((d) => d.logging !== true)
      return silent.length === own.length
        ? recommend(silent.map((d) => `${quote(d.name)}: logging = ${String(d.logging ?? 'not reported')}`))
        : ok(`${own.length - silent.length} of ${own.length} block rule(s) log`)
    }),
  ]
}
