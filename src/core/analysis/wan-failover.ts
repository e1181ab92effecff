/**
 * A WAN going inactive while another WAN of the same gateway becomes active is a failover, not an outage:
 * the internet still works over the other link (the same judgement the device-health check makes for a WAN
 * link that is down beside one that is up). UXG and UDM consoles log the pair as two `EVT_GW_WANTransition`
 * events a second apart ("WAN iface eth0 transition to state active", "… eth1 … inactive").
 */
import type { CollectedEvent } from '../unifi/model.js'
import type { LogEntry } from './model.js'
import { normaliseMac, rawText } from './normalise-values.js'
import { WAN_FAILOVER_RULE } from './rules/connectivity.js'
import type { Rule } from './rules/rule.js'

/** How far apart the two transitions of one failover may be logged. */
const PAIR_WINDOW_MS = 10 * 60_000
const TRANSITION_KEY = 'EVT_GW_WANTransition'
/** Interfaces seen becoming active, per gateway; bounded so a flapping link cannot grow it without limit. */
const MAX_ACTIVATIONS_PER_GATEWAY = 1000

interface Activation {
  iface: string
  atMs: number
}

export interface WanFailover {
  /** The failover rule instead of the outage rule when a backup WAN came up around the same time. */
  refine(rule: Rule, entry: LogEntry): Rule
}

function gatewayOf(raw: Record<string, unknown>): string | null {
  return normaliseMac(rawText(raw, 'gw') ?? rawText(raw, 'xg') ?? rawText(raw, 'dm') ?? rawText(raw, 'mac'))
}

export function createWanFailover(events: readonly CollectedEvent[]): WanFailover {
  const activations = new Map<string, Activation[]>()
  for (const event of events) {
    if (event.key !== TRANSITION_KEY || event.timestampMs === null) continue
    const state = rawText(event.raw, 'state')?.toLowerCase()
    const iface = rawText(event.raw, 'iface')
    const gateway = gatewayOf(event.raw)
    if (state !== 'active' || iface === null || gateway === null) continue
    const list = activations.get(gateway) ?? []
    if (list.length < MAX_ACTIVATIONS_PER_GATEWAY) list.push({ iface, atMs: event.timestampMs })
    activations.set(gateway, list)
  }
  return {
    refine(rule, entry) {
      if (rule.name !== 'gateway_wan_down' || activations.size === 0 || entry.timestampUncertain) return rule
      const iface = rawText(entry.raw, 'iface')
      const gateway = gatewayOf(entry.raw)
      if (iface === null || gateway === null) return rule
      const backup = activations
        .get(gateway)
        ?.some((up) => up.iface !== iface && Math.abs(up.atMs - entry.timestampMs) <= PAIR_WINDOW_MS)
      return backup ? WAN_FAILOVER_RULE : rule
    },
  }
}
