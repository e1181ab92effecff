/**
 * Reads the SHA-256 fingerprint of the certificate a controller presented on the connections our own
 * dispatcher opened (after our trusting connector accepted them), via undici's `client:connected`
 * diagnostics channel. Shown in ControllerInfo so the user can compare or pin it.
 */
import diagnosticsChannel from 'node:diagnostics_channel'
import { TLSSocket } from 'node:tls'
import { normaliseFingerprint } from '../http/index.js'
import { isPlainObject } from './schemas/primitives.js'

const CHANNEL = 'undici:client:connected'

export interface FingerprintWatch {
  /** Fingerprint seen for `host:port`, or null when no TLS connection was observed. */
  fingerprintFor(port: number): string | null
  stop(): void
}

export function watchFingerprints(host: string): FingerprintWatch {
  const seen = new Map<number, string>()
  const onMessage = (message: unknown): void => {
    if (!isPlainObject(message) || !isPlainObject(message.connectParams)) return
    const params = message.connectParams
    const socket = message.socket
    if (params.hostname !== host || !(socket instanceof TLSSocket)) return
    const certificate = socket.getPeerX509Certificate()
    const port = Number(params.port)
    if (certificate !== undefined && Number.isInteger(port))
      seen.set(port, normaliseFingerprint(certificate.fingerprint256))
  }
  diagnosticsChannel.subscribe(CHANNEL, onMessage)
  return {
    fingerprintFor: (port) => seen.get(port) ?? null,
    stop: () => diagnosticsChannel.unsubscribe(CHANNEL, onMessage),
  }
}
