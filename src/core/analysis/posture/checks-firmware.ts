/** Firmware and advisories: device updates, end of life, auto-update, controller update, published CVEs. */
import type { PostureDevice } from '../../unifi/posture-model.js'
import { ADVISORIES, type Advisory } from './advisories.js'
import type { PostureContext } from './context.js'
import type { PostureCheckResult, PostureSeverity } from './model.js'
import { CannotCheck, field, gap, need, ok, quote, recommend, runCheck, section, type CheckMeta } from './kit.js'
import { inRanges } from './versions.js'

const META = {
  updates: {
    id: 'FW-DEVICE-UPDATES',
    area: 'firmware',
    title: 'Devices have firmware updates waiting',
    severity: 'medium',
    why: 'Published fixes are not applied until the firmware is updated.',
    fix: 'UniFi Network > UniFi Devices: select the devices and choose Update (or turn on automatic updates).',
  },
  eol: {
    id: 'FW-EOL',
    area: 'firmware',
    title: 'Devices have reached end of life',
    severity: 'high',
    why: 'An end-of-life model gets no more security fixes; no setting can make up for that.',
    fix: 'Plan their replacement; until then keep them on a separate network (Settings > Networks).',
  },
  lts: {
    id: 'FW-LTS',
    area: 'firmware',
    title: 'Devices are on the legacy (LTS) firmware track',
    severity: 'medium',
    why: 'Legacy-track models only get selected fixes and are next in line for end of life.',
    fix: 'UniFi Network > UniFi Devices: note the models and plan their replacement.',
  },
  unsupported: {
    id: 'FW-UNSUPPORTED',
    area: 'firmware',
    title: 'Devices are not supported by this Network version',
    severity: 'high',
    why: 'An unsupported device is neither managed nor patched by this controller.',
    fix: 'UniFi Network > UniFi Devices: replace or remove the unsupported devices.',
  },
  autoDevices: {
    id: 'FW-AUTO-UPDATE',
    area: 'firmware',
    title: 'Automatic device updates are off',
    severity: 'medium',
    why: 'Without automatic updates firmware drifts behind the published advisories.',
    fix: 'UniFi Network > Settings > System > Updates: turn on automatic device updates and pick a night-time hour.',
  },
  autoController: {
    id: 'FW-AUTO-UPDATE-APP',
    area: 'firmware',
    title: 'The Network application does not update itself',
    severity: 'low',
    why: 'The Network application carries its own advisories; without automatic updates they wait for someone.',
    fix: 'UniFi Network > Settings > System > Updates: turn on automatic application updates.',
  },
  controllerUpdate: {
    id: 'FW-APP-UPDATE',
    area: 'firmware',
    title: 'A Network application update is available',
    severity: 'medium',
    why: 'A newer Network application release is ready and not installed.',
    fix: 'UniFi Network > Settings > System > Updates: update the application.',
  },
  advNetwork: {
    id: 'FW-ADVISORY-NETWORK',
    area: 'firmware',
    title: 'The Network application version has a published advisory',
    severity: 'critical',
    why: 'A published vulnerability is known to attackers; the fixed version closes it.',
    fix: 'UniFi OS > Settings > Updates (or your server package manager): update UniFi Network to the fixed version.',
  },
  advConsole: {
    id: 'FW-ADVISORY-CONSOLE',
    area: 'firmware',
    title: 'Console or gateway firmware has a published advisory',
    severity: 'critical',
    why: 'A published UniFi OS vulnerability lets an attacker reach the console that runs the whole network.',
    fix: 'UniFi OS > Settings > Updates: update UniFi OS on the console to the fixed version.',
  },
} satisfies Record<string, CheckMeta>

const device = (d: PostureDevice): string =>
  `${quote(d.name)} (${d.model ?? 'unknown model'}, ${d.version ?? 'no version'})`
const ORDER: PostureSeverity[] = ['critical', 'high', 'medium', 'low', 'info']
const worst = (list: readonly Advisory[]): PostureSeverity =>
  ORDER.find((severity) => list.some((a) => a.severity === severity)) ?? 'critical'
const advisoryText = (a: Advisory): string =>
  `${a.cve} (CVSS ${a.cvss.toFixed(1)}${a.kev === true ? ', known exploited' : ''}): ${a.summary}; fixed in ${a.fixed}`

export function firmwareChecks(ctx: PostureContext): PostureCheckResult[] {
  const devices = () => need(ctx.posture.devices)
  const flagged = (pick: (d: PostureDevice) => boolean | null, name: string) => {
    const list = devices()
    if (list.length === 0) throw new CannotCheck('the controller listed no devices')
    const known = list.filter((d) => pick(d) !== null)
    if (known.length === 0) throw new CannotCheck(`${name} is not reported by this controller`)
    return { hits: list.filter((d) => pick(d) === true), known }
  }
  return [
    runCheck(META.updates, () => {
      const { hits, known } = flagged((d) => d.upgradable, 'stat/device upgradable')
      return hits.length > 0
        ? gap(hits.map((d) => `${device(d)}: upgradable = true${d.upgradeTo === null ? '' : ` → ${d.upgradeTo}`}`))
        : ok(`${known.length} device(s) report upgradable = false`)
    }),
    runCheck(META.eol, () => {
      const { hits, known } = flagged((d) => d.modelInEol, 'stat/device model_in_eol')
      return hits.length > 0
        ? gap(hits.map((d) => `${device(d)}: model_in_eol = true`))
        : ok(`${known.length} device(s) report model_in_eol = false`)
    }),
    runCheck(META.lts, () => {
      const { hits, known } = flagged((d) => d.modelInLts, 'stat/device model_in_lts')
      return hits.length > 0
        ? recommend(hits.map((d) => `${device(d)}: model_in_lts = true`))
        : ok(`${known.length} device(s) report model_in_lts = false`)
    }),
    runCheck(META.unsupported, () => {
      const count = ctx.posture.sysinfo.state === 'read' ? ctx.posture.sysinfo.value.unsupportedDeviceCount : null
      const list =
        ctx.posture.devices.state === 'read' ? ctx.posture.devices.value.filter((d) => d.unsupported === true) : []
      if (list.length > 0 || (count ?? 0) > 0)
        return gap([
          ...list.map((d) => `${device(d)}: unsupported = true`),
          ...(count !== null && count > 0 ? [`stat/sysinfo unsupported_device_count = ${count}`] : []),
        ])
      if (count === null && ctx.posture.devices.state !== 'read')
        throw new CannotCheck('neither stat/sysinfo nor the device list could be read')
      return ok(`stat/sysinfo unsupported_device_count = ${count ?? 'not reported'}`)
    }),
    runCheck(META.autoDevices, () => {
      const mgmt = section(need(ctx.posture.settings).mgmt, 'mgmt')
      return field(mgmt.autoUpgrade, 'mgmt.auto_upgrade')
        ? ok('mgmt.auto_upgrade = true')
        : gap(['mgmt.auto_upgrade = false'])
    }),
    runCheck(META.autoController, () => {
      const superMgmt = section(need(ctx.posture.settings).superMgmt, 'super_mgmt')
      return field(superMgmt.controllerAutoUpgrade, 'super_mgmt.auto_upgrade')
        ? ok('super_mgmt.auto_upgrade = true')
        : recommend(['super_mgmt.auto_upgrade = false'])
    }),
    runCheck(META.controllerUpdate, () => {
      const sysinfo = need(ctx.posture.sysinfo)
      return field(sysinfo.updateAvailable, 'stat/sysinfo update_available')
        ? gap([`stat/sysinfo update_available = true (running ${sysinfo.version ?? 'unknown'})`])
        : ok('stat/sysinfo update_available = false')
    }),
    runCheck(META.advNetwork, () => {
      const version =
        ctx.controller.version ?? (ctx.posture.sysinfo.state === 'read' ? ctx.posture.sysinfo.value.version : null)
      if (version === null) throw new CannotCheck('the Network application version is unknown')
      const consoleModel = ctx.posture.sysinfo.state === 'read' ? ctx.posture.sysinfo.value.consoleModel : null
      const hits = ADVISORIES.filter((a) => {
        if (a.product !== 'network') return false
        if (a.hosting === 'self-hosted' && ctx.controller.kind !== 'classic') return false
        if (
          a.hosting === 'unifi-os' &&
          (ctx.controller.kind !== 'unifi-os' || consoleModel === null || !a.models.includes(consoleModel))
        )
          return false
        return inRanges(version, a.affected) === true
      })
      if (inRanges(version, [{ below: '999999' }]) === null)
        throw new CannotCheck(`the version "${version}" cannot be compared`)
      return hits.length > 0
        ? gap([`Network application ${version}`, ...hits.map(advisoryText)], worst(hits))
        : ok(`Network application ${version}: no listed advisory applies`)
    }),
    runCheck(META.advConsole, () => {
      const consoles: { label: string; model: string; version: string | null }[] = []
      if (ctx.posture.devices.state === 'read')
        for (const d of ctx.posture.devices.value)
          if (d.model !== null) consoles.push({ label: device(d), model: d.model.toUpperCase(), version: d.version })
      if (ctx.posture.sysinfo.state === 'read') {
        const { consoleModel, consoleVersion } = ctx.posture.sysinfo.value
        if (consoleModel !== null && !consoles.some((c) => c.model === consoleModel.toUpperCase()))
          consoles.push({
            label: `console ${consoleModel} (UniFi OS ${consoleVersion ?? 'unknown'})`,
            model: consoleModel.toUpperCase(),
            version: consoleVersion,
          })
      }
      if (consoles.length === 0 && ctx.posture.devices.state !== 'read')
        throw new CannotCheck(ctx.posture.devices.reason)
      const evidence: string[] = []
      const hits: Advisory[] = []
      let unparsed: string | null = null
      for (const advisory of ADVISORIES.filter((a) => a.product === 'unifi-os')) {
        for (const c of consoles.filter((c) => advisory.models.includes(c.model))) {
          const affected = inRanges(c.version, advisory.affected)
          if (affected === null) unparsed = c.label
          if (affected !== true) continue
          hits.push(advisory)
          evidence.push(`${c.label}: ${advisoryText(advisory)}`)
        }
      }
      if (hits.length > 0) return gap(evidence, worst(hits))
      if (unparsed !== null) throw new CannotCheck(`the firmware version of ${unparsed} cannot be compared`)
      const matched = consoles.filter((c) =>
        ADVISORIES.some((a) => a.product === 'unifi-os' && a.models.includes(c.model)),
      )
      return ok(
        matched.length > 0
          ? `${matched.map((c) => c.label).join(', ')}: no listed advisory applies`
          : 'no console or gateway model named in a listed advisory',
      )
    }),
  ]
}
