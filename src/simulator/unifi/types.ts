import type { PostureProfileName } from '../data/posture-profiles.js'
import type { SimulatorDrift } from './drift.js'
/** The agreed public API of the simulated controller; tests and the demo build on it. */

export type PersonaName = 'classic-8' | 'unifi-os-9.1' | 'unifi-os-9.4' | 'unifi-os-10.0' | 'unifi-os-10.3'

export type SimulatorFault =
  /** Every login answers 429 AUTHENTICATION_FAILED_LIMIT_REACHED (with `Retry-After` when given). */
  | { type: 'login-429'; retryAfterSec?: number }
  /** The next data call answers 401 once (the session is dropped). */
  | { type: 'session-expiry' }
  /** POST/PUT without the current X-CSRF-Token → 403; a fresh `x-updated-csrf-token` on every response. */
  | { type: 'csrf-required' }
  | { type: 'mfa-required'; variant: 'token-required' | 'sso-499' }
  | { type: 'bad-credentials' }
  | { type: 'slow'; delayMs: number; pathIncludes?: string }
  /** Accept the request, never answer. */
  | { type: 'hang'; pathIncludes?: string }
  /** Destroy the socket. */
  | { type: 'reset'; pathIncludes?: string }
  | { type: 'invalid-json'; pathIncludes?: string }
  | { type: 'oversize'; bytes: number; pathIncludes?: string }
  /** The event stream closes each connection (without a close frame) after sending this many messages. */
  | { type: 'stream-drop'; afterMessages: number }
  /** The event stream answers the upgrade with 503 instead of switching protocols. */
  | { type: 'stream-refuse' }
  /** The event stream answers the next `times` upgrades (every one when absent) with 401, even with a live session. */
  | { type: 'stream-401'; times?: number }
  /** The event stream answers pings (frames and the text `ping`) this late, or never when `delayMs` is absent. */
  | { type: 'stream-slow-pongs'; delayMs?: number }
  /** The event stream refuses an API key with 401 (a console on which live events need a local account). */
  | { type: 'stream-refuse-api-key' }

export interface SimulatedControllerOptions {
  /** Default 'unifi-os-10.3'. */
  persona?: PersonaName
  /** Default 1. An even seed adds a second site `branch`. */
  seed?: number
  /** Dataset size of the `default` site (defaults: a realistic small site). */
  events?: number
  threats?: number
  devices?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Default 0 (ephemeral). */
  port?: number
  /** Dataset timestamps are generated relative to now() over the last 24 h. */
  now?: () => number
  /** Defaults 'admin' / 'demo-password' / a generated key. */
  username?: string
  password?: string
  apiKey?: string
  faults?: SimulatorFault[]
  /**
   * The gateway's threat management. `mode` (default `ips`) is what the settings report; `disabled` also means no
   * IPS events at all, `ids` means nothing is blocked. `rulesets: 'et-open-only'` simulates a console without
   * CyberSecure (no ET PRO signatures); the default `all` includes ET PRO.
   */
  ips?: { mode?: 'ips' | 'ids' | 'disabled'; rulesets?: 'all' | 'et-open-only' }
  /**
   * Milliseconds every answer waits before it is sent (default 0): a console across a VPN or a long link.
   * Unlike the `slow` fault it does not hold the request body, and requests wait side by side.
   */
  latencyMs?: number
  /**
   * How the sites are set up for the configuration posture audit (default `well-kept`): `neglected`,
   * `zone-based` (migrated to the zone-based firewall), `cve-affected` (console firmware in a listed advisory's
   * range, reachable from the internet) or `settings-refused` (the settings endpoints answer 401 to an API key).
   */
  posture?: PostureProfileName
}

export interface RecordedRequest {
  method: string
  /** Request path including the query string. */
  path: string
  /** Status sent; 0 when the simulator hung up or never answered. */
  status: number
  /** Epoch ms when the request arrived. */
  at: number
  /** Epoch ms when the answer was sent or the connection dropped; null while the request is open. */
  endedAt: number | null
  /** The parsed JSON body, when one was sent (tests read the window a client asked for). */
  body?: unknown
}

export interface SimulatorStats {
  /** Login attempts (every call of the login endpoint, successful or not). */
  logins: number
  logouts: number
  requests: RecordedRequest[]
  openConnections: () => number
  /** Requests received and not yet answered, right now. */
  inFlight: () => number
  /** The most requests that were open at the same time since start (or the last reset). */
  maxInFlight: () => number
  resetMaxInFlight: () => void
}

/** The site event stream (websocket) of the simulated controller; tests push messages through it. */
export interface SimulatedEventStream {
  /** Sends one frame `{meta:{rc:'ok',message},data}` to every client of the site's stream; returns how many got it. */
  push(message: string, data: readonly unknown[], site?: string): number
  /** Builds a realistic event record (`_id`, `key`, `time`, `datetime`, `msg`, `site_id`, …), sends it as `events`. */
  pushEvent(key: string, fields?: Record<string, unknown>, site?: string): Record<string, unknown>
  /** Builds an alarm record and sends it as `alert`. */
  pushAlarm(key: string, fields?: Record<string, unknown>, site?: string): Record<string, unknown>
  /** Open stream connections right now. */
  connections(): number
  /** Upgrade requests received (accepted or not) and upgrades accepted, since start. */
  readonly upgrades: number
  readonly accepted: number
  /** Pings received (protocol frames and text), answered or not. */
  readonly pings: number
  /** Closes every open stream connection abruptly (no close frame), as a dropped link would. */
  dropAll(): void
}

export interface SimulatedController {
  /** `https://127.0.0.1:<port>` */
  url: string
  port: number
  /** SHA-256 of the self-signed certificate, `AA:BB:…`. */
  fingerprint: string
  certPem: string
  persona: PersonaName
  credentials: { username: string; password: string; apiKey: string }
  setFaults(faults: SimulatorFault[]): void
  /** Changes the `default` site between two reports: device fields, clients that joined. */
  setDrift(drift: SimulatorDrift): void
  stats: SimulatorStats
  /** The site event stream at `/proxy/network/wss/s/{site}/events` (UniFi OS) or `/wss/s/{site}/events` (classic). */
  stream: SimulatedEventStream
  close(): Promise<void>
}
