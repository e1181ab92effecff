import { useMemo, useSyncExternalStore } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { IpcFailure } from '../../../shared/result.js'
import { createPushStore, type PushStore, type PushStoreOptions } from '../lib/push-store.js'

export interface Pushed<T> {
  value: T | null
  /** Why the first read failed, if it did (cleared by the next value). */
  error: IpcFailure | null
  /** Takes a value a call answered (an update, a refresh) so the screen re-renders at once. */
  accept: (value: T) => void
}

/**
 * Where a pushed value comes from: its first read and its push channel. `current` is the value the store holds
 * (for a push that only changes part of it). Declare it at module level, so the store lives as long as `api`.
 */
export type PushedSource<T> = (api: BridgeApi, current: () => T | null) => PushStoreOptions<T>

/** A value main owns (status, settings, history, updates), seeded by one read and kept current by pushes. */
export function usePushed<T>(api: BridgeApi, source: PushedSource<T>): Pushed<T> {
  const store = useMemo(() => {
    let made: PushStore<T> | null = null
    made = createPushStore(source(api, () => made?.getSnapshot().value ?? null))
    return made
  }, [api, source])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { value: snapshot.value, error: snapshot.error, accept: store.accept }
}
