import { useCallback, useSyncExternalStore } from 'react'

/**
 * The current time rounded to `intervalMs`, re-rendering each interval while `active` — a local clock for
 * countdowns and "5 s ago" labels. It never talks to main: status itself arrives by push only. Rounding keeps the
 * snapshot stable between ticks, as useSyncExternalStore requires.
 */
export function useNow(active: boolean, intervalMs = 1000, clock: () => number = Date.now): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      if (!active) return () => undefined
      const timer = setInterval(onTick, intervalMs)
      return () => clearInterval(timer)
    },
    [active, intervalMs],
  )
  const getSnapshot = () => Math.round(clock() / intervalMs) * intervalMs
  return useSyncExternalStore(subscribe, getSnapshot)
}
