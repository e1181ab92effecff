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

/** One run's view of the memory: reads the remembered facts once and writes the updated ones back. */
export class SourceBook {
  private readonly facts: RememberedSources

  constructor(
    private readonly memory: SourceMemory,
    private readonly key: string,
    version: string | null,
  ) {
    const known = memory.get(key)
    this.facts = known !== undefined && known.version === version ? known : { version, unsupported: {}, working: {} }
  }

  /** Why `endpoint` is known to be unavailable, or null when it is worth trying. */
  knownUnsupported(endpoint: string): string | null {
    return this.facts.unsupported[endpoint] ?? null
  }

  markUnsupported(endpoint: string, reason: string): void {
    this.facts.unsupported[endpoint] = reason
    this.save()
  }

  markWorking(data: string, endpoint: string): void {
    this.facts.working[data] = endpoint
    delete this.facts.unsupported[endpoint]
    this.save()
  }

  private save(): void {
    this.memory.set(this.key, this.facts)
  }
}
