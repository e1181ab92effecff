/**
 * What the client learned about a console's endpoints: which ones are missing on this firmware, so later runs
 * skip them and say why. Keyed by the console (its kind and base URL, `consoleKey`) and tied to the Network
 * version, so a firmware update makes the client try everything again; an endpoint found missing is also tried
 * again once `UNSUPPORTED_RETRY_MS` has passed. The store is an interface: the pipeline keeps it in the data
 * folder (`pipeline/source-memory-file.ts`), so a CLI started by cron skips what the previous run found missing;
 * the default lives in memory for the life of the process.
 */
import type { ControllerKind } from './model.js'

/** How long an endpoint found missing is skipped before it is asked again. */
export const UNSUPPORTED_RETRY_MS = 7 * 86_400_000

export interface UnsupportedFact {
  /** Why it is unavailable, as the console answered (`HTTP 404`). */
  reason: string
  /** When the console last answered so. */
  sinceMs: number
}

export interface RememberedSources {
  /** Network version the facts were learned on; null when unknown. */
  version: string | null
  /** Endpoint short name → why and since when it is unavailable. */
  unsupported: Record<string, UnsupportedFact>
  /** Data kind → the endpoint that supplied it last time. */
  working: Record<string, string>
  /** When a run last wrote these facts (a bounded store forgets the stalest console first). */
  updatedMs: number
}

export interface SourceMemory {
  get(controllerKey: string): RememberedSources | undefined
  set(controllerKey: string, value: RememberedSources): void
}

/** One console: two controllers reachable at the same address one after the other are not confused. */
export function consoleKey(kind: ControllerKind, baseUrl: string): string {
  return `${kind} ${baseUrl}`
}

export function createInMemorySourceMemory(): SourceMemory {
  const entries = new Map<string, RememberedSources>()
  return {
    get: (key) => {
      const value = entries.get(key)
      return value === undefined ? undefined : structuredClone(value)
    },
    set: (key, value) => {
      entries.set(key, structuredClone(value))
    },
  }
}

/** Shared by every client of the process unless the caller supplies its own store. */
export const processSourceMemory: SourceMemory = createInMemorySourceMemory()

/** Whether a remembered fact still holds: learned within the retry period (and not in the future). */
function current(fact: UnsupportedFact | undefined, nowMs: number): fact is UnsupportedFact {
  return fact !== undefined && fact.sinceMs <= nowMs && nowMs - fact.sinceMs < UNSUPPORTED_RETRY_MS
}

/**
 * One run's view of the memory: reads the remembered facts once and writes the updated ones back. The
 * collection starts before the Network version is known (it is read in the same wave), so the book may be
 * opened unsettled: what the run learns is held until `settle(version)` (then written) or `discard()` (the
 * run was aimed at a site that turned out not to exist, so what it learned says nothing about the console).
 */
export class SourceBook {
  private readonly remembered: RememberedSources | undefined
  private facts: RememberedSources | null = null
  private discarded = false
  private readonly held: ((facts: RememberedSources) => void)[] = []
  private markReady: () => void = () => undefined
  /** Resolves once the book is settled or discarded. */
  readonly ready: Promise<void>

  constructor(
    private readonly memory: SourceMemory,
    private readonly key: string,
    private readonly now: () => number,
    version?: string | null,
  ) {
    this.remembered = memory.get(key)
    this.ready = new Promise((resolve) => {
      this.markReady = resolve
    })
    if (version !== undefined) this.settle(version)
  }

  /**
   * Whether anything still current is remembered about one of `endpoints`: only then must a collector wait for
   * the version before it starts, because only then can the version change what it does.
   */
  remembersAny(endpoints: readonly string[]): boolean {
    const unsupported = this.remembered?.unsupported ?? {}
    const nowMs = this.now()
    return endpoints.some((endpoint) => current(unsupported[endpoint], nowMs))
  }

  /** Why `endpoint` is known to be unavailable, or null when it is worth trying. */
  knownUnsupported(endpoint: string): string | null {
    // Unsettled, a remembered fact may belong to another firmware: trying the endpoint is the safe answer.
    const fact = this.facts?.unsupported[endpoint]
    return current(fact, this.now()) ? fact.reason : null
  }

  markUnsupported(endpoint: string, reason: string): void {
    const sinceMs = this.now()
    this.apply((facts) => {
      facts.unsupported[endpoint] = { reason, sinceMs }
    })
  }

  markWorking(data: string, endpoint: string): void {
    this.apply((facts) => {
      facts.working[data] = endpoint
      delete facts.unsupported[endpoint]
    })
  }

  settle(version: string | null): void {
    if (this.facts !== null || this.discarded) return
    const known = this.remembered
    const nowMs = this.now()
    this.facts =
      known !== undefined && known.version === version
        ? { ...known, unsupported: stillCurrent(known.unsupported, nowMs) }
        : { version, unsupported: {}, working: {}, updatedMs: nowMs }
    const held = this.held.splice(0)
    for (const change of held) change(this.facts)
    if (held.length > 0) this.save()
    this.markReady()
  }

  discard(): void {
    if (this.facts !== null) return
    this.discarded = true
    this.held.length = 0
    this.markReady()
  }

  private apply(change: (facts: RememberedSources) => void): void {
    if (this.discarded) return
    if (this.facts === null) {
      this.held.push(change)
      return
    }
    change(this.facts)
    this.save()
  }

  private save(): void {
    if (this.facts === null) return
    this.facts.updatedMs = this.now()
    this.memory.set(this.key, this.facts)
  }
}

/** The facts that have not expired: an expired one is dropped, so the endpoint is tried and judged again. */
function stillCurrent(unsupported: Record<string, UnsupportedFact>, nowMs: number): Record<string, UnsupportedFact> {
  const kept: Record<string, UnsupportedFact> = {}
  for (const [endpoint, fact] of Object.entries(unsupported)) if (current(fact, nowMs)) kept[endpoint] = fact
  return kept
}
