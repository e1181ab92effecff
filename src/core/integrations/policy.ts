/**
 * Which breaker policy a source runs under, and whether the admin paused it. One rule for integrations and
 * delivery channels: the source's own values over the global `breaker` settings.
 */
import { breakerPolicySchema, type BreakerPolicy, type ChannelPolicy, type Settings } from '../../shared/settings.js'

/** The source's values over the global ones; a combination the schema refuses falls back to the global policy. */
export function ownPolicy(settings: Settings, own: ChannelPolicy): BreakerPolicy {
  if (!own) return { ...settings.breaker }
  const merged = breakerPolicySchema.safeParse({ ...settings.breaker, ...own })
  return merged.success ? merged.data : { ...settings.breaker }
}

/** An integration's policy: its own values from `settings.sources`, else the global policy. */
export function sourcePolicy(settings: Settings, id: string): BreakerPolicy {
  return ownPolicy(settings, Object.hasOwn(settings.sources, id) ? settings.sources[id]?.breaker : undefined)
}

/** Which of the policy's values the source sets itself (the card marks them as its own). */
export function ownPolicyKeys(settings: Settings, id: string): Array<keyof BreakerPolicy> {
  const own = Object.hasOwn(settings.sources, id) ? settings.sources[id]?.breaker : undefined
  if (!own) return []
  const effective = sourcePolicy(settings, id)
  return (['failMax', 'resetTimeoutMs', 'timeoutMs'] as const).filter(
    (key) => own[key] !== undefined && effective[key] === own[key],
  )
}

export function isPaused(settings: Settings, id: string): boolean {
  return Object.hasOwn(settings.sources, id) && settings.sources[id]?.paused === true
}
