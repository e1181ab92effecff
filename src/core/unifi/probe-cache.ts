/**
 * What probing an address found (port and console flavour), kept for the life of the process so that a
 * schedule or the tray app probes a console once rather than on every run. An entry is dropped whenever a
 * run against it fails to connect, so the next run probes afresh (a console moved to another port, or a
 * self-hosted controller replaced by a UniFi OS console at the same address).
 */
import type { DetectedController } from './detect.js'

export interface ProbeCache {
  get(key: string): DetectedController | undefined
  set(key: string, value: DetectedController): void
  delete(key: string): void
}

export function createProbeCache(): ProbeCache {
  const entries = new Map<string, DetectedController>()
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      entries.set(key, { ...value })
    },
    delete: (key) => {
      entries.delete(key)
    },
  }
}

/** Shared by every client of the process unless the caller supplies its own cache. */
export const processProbeCache: ProbeCache = createProbeCache()
