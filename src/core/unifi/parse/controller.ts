/** Sites, sysinfo, health subsystems and the threat-management settings. */
import type { HealthSubsystem, IpsSettings, SiteRef } from '../model.js'
import { healthSchema, ipsSettingSchema, siteSchema, sysinfoSchema } from '../schemas/controller.js'
import { capText, isPlainObject, MAX_NAME_CHARS } from '../schemas/primitives.js'

export function parseSites(items: readonly unknown[]): SiteRef[] {
  const sites: SiteRef[] = []
  for (const item of items) {
    const parsed = siteSchema.safeParse(item)
    if (parsed.success)
      sites.push({ name: parsed.data.name, description: capText(parsed.data.desc ?? parsed.data.name, MAX_NAME_CHARS) })
  }
  return sites
}

export function parseSysinfo(items: readonly unknown[]): { version: string | null; hostname: string | null } {
  const parsed = sysinfoSchema.safeParse(items[0])
  if (!parsed.success) return { version: null, hostname: null }
  const hostname = parsed.data.hostname ?? parsed.data.name
  return { version: parsed.data.version, hostname: hostname === null ? null : capText(hostname, MAX_NAME_CHARS) }
}

const DETAIL_SKIP = new Set(['subsystem', 'status', 'num_user'])

export function parseHealth(items: readonly unknown[]): HealthSubsystem[] {
  const result: HealthSubsystem[] = []
  for (const item of items) {
    const parsed = healthSchema.safeParse(item)
    if (!parsed.success || !isPlainObject(item)) continue
    const details: Record<string, string | number | boolean | null> = {}
    for (const [key, value] of Object.entries(item)) {
      if (DETAIL_SKIP.has(key)) continue
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        details[key] = value
      }
    }
    result.push({
      subsystem: parsed.data.subsystem,
      status: parsed.data.status ?? 'unknown',
      numUser: parsed.data.num_user,
      details,
    })
  }
  return result
}

/** Keys of the `ips` section that must never leave the client (the section may carry a `utm_token`, a secret). */
const SECRET_KEYS = /token|secret|password|key$/i
const INDICATOR_HINTS = /cyber|secure|subscri|signature|honeypot|dns_filter|suppression|premium|utm|ruleset|advanced/i

/** Picks `key == "ips"` from `rest/setting`; null when the console has no such section. */
export function parseIpsSettings(items: readonly unknown[]): IpsSettings | null {
  for (const item of items) {
    const parsed = ipsSettingSchema.safeParse(item)
    if (!parsed.success || parsed.data.key !== 'ips' || !isPlainObject(item)) continue
    const indicators: Record<string, string | number | boolean | null> = {}
    for (const [key, value] of Object.entries(item)) {
      if (SECRET_KEYS.test(key) || !INDICATOR_HINTS.test(key)) continue
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        indicators[key] = value
      } else if (isPlainObject(value) && typeof value.enabled === 'boolean') {
        indicators[`${key}.enabled`] = value.enabled
      }
    }
    const dns = parsed.data.dns_filtering
    return {
      mode: parsed.data.ips_mode ?? 'unknown',
      enabledCategories: parsed.data.enabled_categories ?? [],
      adBlocking: parsed.data.ad_blocking_enabled,
      contentFiltering: parsed.data.content_filtering_enabled ?? (typeof dns === 'boolean' ? dns : null),
      indicators,
    }
  }
  return null
}
