/**
 * The part of electron-store (and of `conf`, which it wraps) we use: the whole document, read and replaced.
 * The app passes electron-store instances; tests pass `conf` instances over a temporary folder.
 */
export interface KeyValueStore {
  readonly path: string
  get store(): Record<string, unknown>
  set store(value: Record<string, unknown>)
}

/** An in-memory store for the handler layer without Electron (e2e harness, unit tests). */
export function memoryKeyValueStore(initial: Record<string, unknown> = {}): KeyValueStore {
  let value = structuredClone(initial)
  return {
    path: ':memory:',
    get store() {
      return structuredClone(value)
    },
    set store(next: Record<string, unknown>) {
      value = structuredClone(next)
    },
  }
}
