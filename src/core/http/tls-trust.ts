/**
 * TLS trust for upstream connections: system trust by default, a custom CA, or a pinned
 * SHA-256 fingerprint for self-signed consoles. Verification is never switched off globally: the connector
 * below checks every socket itself before a request byte is sent, so it can also tell the caller which
 * fingerprint an untrusted server presented (trust on first use).
 */
import type { TLSSocket } from 'node:tls'
import { buildConnector } from 'undici'
import { TlsTrustError } from '../errors.js'

export interface TlsTrust {
  /** Pinned SHA-256 fingerprint (`AA:BB:…` or bare hex, any case). Overrides chain verification. */
  fingerprint?: string | undefined
  /** PEM CA bundle (or the exact certificate) that must have signed the server certificate. */
  caPem?: string | undefined
}

/** Upper-case hex with colons between bytes: the form Node reports and our settings store. */
export function normaliseFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toUpperCase()
  return (hex.match(/../g) ?? []).join(':')
}

function presentedFingerprint(socket: TLSSocket): string | null {
  const cert = socket.getPeerX509Certificate()
  return cert ? normaliseFingerprint(cert.fingerprint256) : null
}

/** An undici connector that enforces `trust` on every new TLS connection. */
/** A TLS connection that passed the trust check, with the certificate fingerprint it presented. */
export interface TrustedConnection {
  hostname: string
  port: number
  fingerprint: string
}

export function createTrustingConnector(
  trust: TlsTrust,
  connectTimeoutMs: number,
  onTrusted?: (connection: TrustedConnection) => void,
): buildConnector.connector {
  const pin = trust.fingerprint ? normaliseFingerprint(trust.fingerprint) : null
  // rejectUnauthorized is false only so that we can read the presented certificate and decide here;
  // `socket.authorized` still carries Node's full chain + hostname verdict.
  // No TLS session resumption: a resumed session carries no peer certificate, so the pin (and the
  // fingerprint shown to the user) could not be checked on the second and later connections.
  const base = buildConnector({
    rejectUnauthorized: false,
    maxCachedSessions: 0,
    timeout: connectTimeoutMs,
    ...(trust.caPem ? { ca: trust.caPem } : {}),
  })
  return (options, callback) => {
    base(options, (error, socket) => {
      if (error !== null) {
        callback(error, null)
        return
      }
      if (options.protocol !== 'https:') {
        callback(null, socket)
        return
      }
      const tlsSocket = socket as TLSSocket
      const presented = presentedFingerprint(tlsSocket)
      const verdict = judge(tlsSocket, presented, pin, options.hostname)
      if (verdict === null) {
        if (presented !== null)
          onTrusted?.({ hostname: options.hostname, port: Number(options.port) || 443, fingerprint: presented })
        callback(null, socket)
        return
      }
      tlsSocket.destroy()
      callback(verdict, null)
    })
  }
}

function judge(
  socket: TLSSocket,
  presented: string | null,
  pin: string | null,
  hostname: string,
): TlsTrustError | null {
  if (pin !== null) {
    if (presented === pin) return null
    return new TlsTrustError(
      `The certificate of ${hostname} does not match the pinned fingerprint. ` +
        `Pinned: ${pin}. Presented: ${presented ?? 'none'}. ` +
        'If the console certificate was replaced (for example by a firmware update), verify the new ' +
        'fingerprint on the console and trust it again.',
      presented,
      pin,
      { code: 'ERR_TLS_PIN_MISMATCH' },
    )
  }
  if (socket.authorized) return null
  const reason = String(socket.authorizationError ?? 'certificate not trusted')
  return new TlsTrustError(
    `The certificate of ${hostname} is not trusted (${reason}). ` +
      `It presented SHA-256 fingerprint ${presented ?? 'unknown'}. ` +
      'If this is your console, trust this fingerprint (pin it) or provide the CA file that signed it.',
    presented,
    null,
    { code: reason === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'ERR_TLS_HOSTNAME_MISMATCH' : 'ERR_TLS_UNTRUSTED' },
  )
}
