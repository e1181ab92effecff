/**
 * Rate-limits status pushes to at most one per 100 ms per integration. The first change of a
 * quiet integration goes out at once; changes arriving within the interval are folded into one trailing push
 * carrying the latest snapshot, so the UI never misses the final state.
 */
import type { IntegrationStatusSnapshot } from '../../shared/integration-status.js'
import type { StatusListener } from './status-store.js'

export interface CoalesceOptions {
  intervalMs?: number
  now?: () => number
}

interface Slot {
  lastPushAt: number | null
  pending: IntegrationStatusSnapshot | null
  timer: ReturnType<typeof setTimeout> | null
}

/**
 * Subscribes through `subscribe` (e.g. `runtime.onChange`) and calls `push` at most once per interval per
 * integration. Returns a dispose function that unsubscribes and drops pending pushes and their timers.
 */
export function coalesceStatusChanges(
  subscribe: (listener: StatusListener) => () => void,
  push: (snapshot: IntegrationStatusSnapshot) => void,
  options: CoalesceOptions = {},
): () => void {
  const intervalMs = options.intervalMs ?? 100
  const now = options.now ?? Date.now
  const slots = new Map<string, Slot>()

  const emit = (slot: Slot, snapshot: IntegrationStatusSnapshot): void => {
    slot.lastPushAt = now()
    try {
      push(snapshot)
    } catch {
      // The receiver's failure (a destroyed window) is its own; the next change tries again.
    }
  }

  const flush = (slot: Slot): void => {
    slot.timer = null
    const snapshot = slot.pending
    slot.pending = null
    if (snapshot) emit(slot, snapshot)
  }

  const unsubscribe = subscribe((snapshot) => {
    let slot = slots.get(snapshot.id)
    if (!slot) {
      slot = { lastPushAt: null, pending: null, timer: null }
      slots.set(snapshot.id, slot)
    }
    if (slot.timer !== null) {
      slot.pending = snapshot
      return
    }
    const since = slot.lastPushAt === null ? Number.POSITIVE_INFINITY : now() - slot.lastPushAt
    if (since >= intervalMs) {
      emit(slot, snapshot)
      return
    }
    slot.pending = snapshot
    const target = slot
    slot.timer = setTimeout(() => flush(target), intervalMs - since)
    slot.timer.unref?.()
  })

  return () => {
    unsubscribe()
    for (const slot of slots.values()) {
      if (slot.timer !== null) clearTimeout(slot.timer)
      slot.timer = null
      slot.pending = null
    }
    slots.clear()
  }
}
