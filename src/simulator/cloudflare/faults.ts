/**
 * Scriptable failures of the fake Cloudflare API. A fault applies to the requests of its `target`
 * (default: every endpoint) for `times` requests (default: until replaced), in list order.
 */

/** Endpoint families; `events`, `dns` and `limits` are GraphQL requests that ask for that dataset. */
export type CloudflareEndpoint =
  'all' | 'verify' | 'zones' | 'tunnels' | 'connections' | 'graphql' | 'events' | 'dns' | 'limits'

export type CloudflareFaultKind =
  /** HTTP 401 (`Invalid API Token`, GraphQL `Unauthorized`). */
  | 'invalid-token'
  /** Token verify answers `status: "expired"`; other calls get 401. */
  | 'expired-token'
  /** HTTP 429 with `retry-after` (`retryAfterSeconds`, default 300). */
  | 'rate-limited'
  /** HTTP 500. */
  | 'server-error'
  /** Accepts the request and never answers. */
  | 'hang'
  /** GraphQL HTTP 200 with `errors` (for `events`/`dns`/`limits` only those fields fail, with partial data). */
  | 'errors-in-200'
  /** HTTP 200 with a truncated JSON body. */
  | 'malformed-json'

export interface CloudflareFault {
  kind: CloudflareFaultKind
  target?: CloudflareEndpoint
  retryAfterSeconds?: number
  /** Message for `errors-in-200`; default Cloudflare's "cannot request data older than …" family. */
  message?: string
  /** How many matching requests the fault affects; unlimited when absent. */
  times?: number
}

interface ActiveFault {
  fault: CloudflareFault
  remaining: number
}

export interface FaultBook {
  set(faults: readonly CloudflareFault[]): void
  /** The first active fault matching one of the request's endpoint families, consuming one use. */
  take(endpoints: readonly CloudflareEndpoint[]): CloudflareFault | null
}

export function createFaultBook(initial: readonly CloudflareFault[] = []): FaultBook {
  let active: ActiveFault[] = []
  const set = (faults: readonly CloudflareFault[]) => {
    active = faults.map((fault) => ({ fault: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY }))
  }
  set(initial)
  return {
    set,
    take(endpoints) {
      const hit = active.find((a) => a.remaining > 0 && matches(a.fault.target ?? 'all', endpoints))
      if (!hit) return null
      hit.remaining -= 1
      return hit.fault
    },
  }
}

function matches(target: CloudflareEndpoint, endpoints: readonly CloudflareEndpoint[]): boolean {
  return target === 'all' || endpoints.includes(target)
}
