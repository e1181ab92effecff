/**
 * What the client learned about a controller's endpoints: which ones are
 * missing on this firmware, so later runs skip them and say why. Keyed by base URL and tied to the Network
 * version, so a firmware update makes the client probe everything again. The store is an interface so the
 * desktop app can persist it; the default lives in memory for the life of the process.
 */

export interface RememberedSources {
  /** Network version the facts were learned on; null when unknown. */
  version: string | null
  /** Endpoint short name → why it is unavailable (e.g. "HTTP 404 on 2026-11-28"). */
  unsupported: Record<string, string>
  /** Data kind → the endpoint that supplied it last time. */
  working: Record<string, string>
}

export interface SourceMemory {
  get(controllerKey: string): RememberedSources | undefined
  set(controllerKey: string, value: RememberedSources): void
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
    version?: string | null,
  ) {
    this.remembered = memory.get(key)
    this.ready = new Promise((resolve) => {
      this.markReady = resolve
    })
    if (version !== undefined) this.settle(version)
  }

  /**
   * Whether anything is remembered about one of `endpoints`: only then must a collector wait for the version
   * before it starts, because only then can the version change what it does.
   */
  remembersAny(endpoints: readonly string[]): boolean {
    const unsupported = this.remembered?.unsupported ?? {}
    return endpoints.some((endpoint) => unsupported[endpoint] !== undefined)
  }

  /** Why `endpoint` is known to be unavailable, or null when it is worth trying. */
  knownUnsupported(endpoint: string): string | null {
    // Unsettled, a remembered fact may belong to another firmware: trying the endpoint is the safe answer.
    return this.facts?.unsupported[endpoint] ?? null
  }

  markUnsupported(endpoint: string, reason: string): void {
    this.apply((facts) => {
      facts.unsupported[endpoint] = reason
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
    this.facts = known !== undefined && known.version === version ? known : { version, unsupported: {}, working: {} }
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
    if (this.facts !== null) this.memory.set(this.key, this.facts)
  }
}
