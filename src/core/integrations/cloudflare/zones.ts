/**
 * Zones the report covers: every page of `GET /zones`, narrowed to the `zones` setting (names or ids).
 * Zones also tell us the plan (look-back limits) and the account ids for tunnels.
 */
import type { CloudflareClient } from './client.js'
import type { CloudflareZone, PlanId } from './model.js'
import { zoneSchema, type RawZone } from './schemas.js'

export async function listZones(client: CloudflareClient): Promise<CloudflareZone[]> {
  const raw = await client.getAllPages('/zones', {}, zoneSchema, 50)
  return raw.map(toZone)
}

export function toZone(raw: RawZone): CloudflareZone {
  return {
    id: raw.id,
    name: raw.name,
    status: raw.status ?? null,
    plan: planFrom(raw.plan?.legacy_id ?? raw.plan?.name ?? null),
    planName: raw.plan?.name ?? null,
    accountId: raw.account?.id ?? null,
    accountName: raw.account?.name ?? null,
  }
}

function planFrom(value: string | null): PlanId {
  const lower = (value ?? '').toLowerCase()
  if (lower.includes('enterprise')) return 'enterprise'
  if (lower.includes('business')) return 'business'
  if (lower.includes('pro')) return 'pro'
  if (lower.includes('free')) return 'free'
  return 'unknown'
}

/**
 * Applies the `zones` setting (names or ids, case-insensitive). Returns the selected zones and the
 * configured entries that matched nothing, so the report can say which ones the token cannot see.
 */
export function selectZones(
  zones: readonly CloudflareZone[],
  wanted: readonly string[],
): { selected: CloudflareZone[]; unmatched: string[] } {
  if (wanted.length === 0) return { selected: [...zones], unmatched: [] }
  const keys = wanted.map((w) => w.trim().toLowerCase())
  const selected = zones.filter((z) => keys.includes(z.id.toLowerCase()) || keys.includes(z.name.toLowerCase()))
  const unmatched = wanted.filter((w) => {
    const key = w.trim().toLowerCase()
    return !zones.some((z) => z.id.toLowerCase() === key || z.name.toLowerCase() === key)
  })
  return { selected, unmatched }
}

/** Distinct account ids of the zones, in first-seen order. */
export function accountIdsOf(zones: readonly CloudflareZone[]): string[] {
  return [...new Set(zones.map((z) => z.accountId).filter((id): id is string => id !== null && id !== ''))]
}
