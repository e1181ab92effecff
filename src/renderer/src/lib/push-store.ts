import type { Unsubscribe } from '../../../shared/ipc/bridge.js'
import type { IpcFailure, Result } from '../../../shared/result.js'

export interface PushSnapshot<T> {
  value: T | null
  /** Why the first read failed, if it did (cleared by the next value). */
  error: IpcFailure | null
}

export interface PushStore<T> {
  subscribe: (onChange: () => void) => Unsubscribe
  getSnapshot: () => PushSnapshot<T>
  /** Takes a value answered by a call (e.g. an update) unless a newer one already arrived. */
  accept: (value: T) => void
}

export interface PushStoreOptions<T> {
  load: () => Promise<Result<T>>
  listen: (listener: (value: T) => void) => Unsubscribe
  /** Whether `next` may replace `current`; by default every later value wins. */
  isNewer?: (next: T, current: T) => boolean
}

/**
 * A value owned by main, for `useSyncExternalStore`: seeded by one read and kept current by pushes only (no
 * polling). It listens before it reads, so a push racing the first answer is not lost, and stops listening when
 * the last component unsubscribes.
 */
export function createPushStore<T>(options: PushStoreOptions<T>): PushStore<T> {
  let snapshot: PushSnapshot<T> = { value: null, error: null }
  const subscribers = new Set<() => void>()
  let stopListening: Unsubscribe | null = null
  let generation = 0

  const emit = (next: PushSnapshot<T>): void => {
    snapshot = next
    for (const subscriber of subscribers) subscriber()
  }
  const accept = (value: T): void => {
    const current = snapshot.value
    if (current !== null && options.isNewer && !options.isNewer(value, current)) return
    emit({ value, error: null })
  }

  return {
    subscribe(onChange) {
      subscribers.add(onChange)
      if (subscribers.size === 1) {
        const mine = ++generation
        stopListening = options.listen(accept)
        void options.load().then((result) => {
          if (mine !== generation || subscribers.size === 0) return
          if (result.ok) accept(result.value)
          else if (snapshot.value === null) emit({ value: null, error: result.error })
        })
      }
      return () => {
        subscribers.delete(onChange)
        if (subscribers.size === 0) {
          generation++
          stopListening?.()
          stopListening = null
        }
      }
    },
    getSnapshot: () => snapshot,
    accept,
  }
}
