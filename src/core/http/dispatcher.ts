/**
 * undici dispatchers: one Agent per trust configuration, with a response size cap
 * and coarse header/body backstops. The real time budget is the per-call AbortSignal.
 */
import { Agent } from 'undici'
import { createTrustingConnector, type TlsTrust, type TrustedConnection } from './tls-trust.js'

export interface DispatcherOptions {
  trust?: TlsTrust
  /** Bytes; a larger response fails with ResponseTooLargeError. */
  maxResponseBytes?: number
  connectTimeoutMs?: number
  /** Backstop for headers and idle gaps in the body; the AbortSignal is the real deadline. */
  idleTimeoutMs?: number
  connectionsPerOrigin?: number
  /** Told about every TLS connection that passed the trust check (e.g. to show the presented fingerprint). */
  onTrustedConnection?: (connection: TrustedConnection) => void
}

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

export function createDispatcher(options: DispatcherOptions = {}): Agent {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000
  const idle = options.idleTimeoutMs ?? 300_000
  return new Agent({
    connections: options.connectionsPerOrigin ?? 6,
    headersTimeout: idle,
    bodyTimeout: idle,
    maxResponseSize: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    connect: createTrustingConnector(options.trust ?? {}, connectTimeoutMs, options.onTrustedConnection),
  })
}
