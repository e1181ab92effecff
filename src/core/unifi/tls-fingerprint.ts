/**
 * Remembers the SHA-256 fingerprint each port of the controller presented on connections our trusting
 * connector accepted, so ControllerInfo can show it (to compare with the console, or to pin it).
 */
import type { TrustedConnection } from '../http/index.js'

export class FingerprintRecorder {
  private readonly seen = new Map<number, string>()

  constructor(private readonly host: string) {}

  readonly record = (connection: TrustedConnection): void => {
    if (connection.hostname === this.host) this.seen.set(connection.port, connection.fingerprint)
  }

  fingerprintFor(port: number): string | null {
    return this.seen.get(port) ?? null
  }
}
