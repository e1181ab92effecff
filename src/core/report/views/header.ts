import type { ControllerInfo, SiteRef } from '../../unifi/model.js'
import type { ReportHeader } from '../model.js'
import type { ReportInput } from '../input.js'
import { formatDateTime, formatDateTimeWithZone, toZonedIso } from '../../time.js'

export function siteText(site: SiteRef | null): string {
  if (!site) return 'Unknown site'
  const description = site.description.trim()
  return description && description !== site.name ? `${description} (${site.name})` : site.name
}

export function controllerText(controller: ControllerInfo | null, configuredUrl: string | null): string {
  if (!controller) return configuredUrl ? `Not reached (${configuredUrl})` : 'Not reached'
  const kind = controller.kind === 'unifi-os' ? 'UniFi OS console' : 'UniFi Network controller (classic)'
  const version = controller.version ? `Network ${controller.version}` : 'Network version unknown'
  return `${kind} · ${version} · ${controller.baseUrl}`
}

export function buildHeader(input: ReportInput): ReportHeader {
  const { unifi, timezone } = input
  const controller = unifi.ok ? unifi.collection.controller : unifi.controller
  const site = unifi.ok ? unifi.collection.site : unifi.site
  return {
    site: siteText(site),
    controller: controllerText(controller, unifi.ok ? null : unifi.configuredUrl),
    period: { start: formatDateTime(input.period.since, timezone), end: formatDateTime(input.period.until, timezone) },
    generatedAt: formatDateTimeWithZone(input.generatedAtMs, timezone),
    timezone,
    generatedAtIso: toZonedIso(input.generatedAtMs, timezone),
  }
}
