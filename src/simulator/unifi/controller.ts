/** Assembles a simulated controller: certificate, persona, per-site datasets, sessions and the server. */
import { randomBytes } from 'node:crypto'
import { SiteDataset, type DatasetSizes } from '../data/dataset.js'
import { POSTURE_PROFILES, type PostureProfileName } from '../data/posture-profiles.js'
import { mix } from '../data/prng.js'
import { createSiteContext, type IpsProfile } from '../data/site-context.js'
import { createServerCertificate } from './certificate.js'
import { FaultBook } from './faults.js'
import { ConfigError } from '../../core/errors.js'
import { PERSONAS, PERSONA_TABLE } from './personas.js'
import { attachEventStream } from './event-stream.js'
import { startServer } from './server.js'
import { SessionStore } from './sessions.js'
import type { ControllerState } from './state.js'
import type { SimulatedController, SimulatedControllerOptions } from './types.js'

/** A realistic small site: the fixed device cast, a day of events and a modest number of threats. */
export const DEFAULT_SIZES: DatasetSizes = { events: 400, threats: 120, devices: 10 }
const BRANCH_SIZES: DatasetSizes = { events: 60, threats: 12, devices: 4 }

function size(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`The simulator's ${name} must be a whole number of 0 or more (got ${String(value)}).`)
  }
  return value
}

function postureProfile(name: PostureProfileName | undefined): PostureProfileName {
  if (name === undefined) return 'well-kept'
  if (!POSTURE_PROFILES.includes(name)) {
    throw new ConfigError(`Unknown simulator posture "${String(name)}". Use one of: ${POSTURE_PROFILES.join(', ')}.`)
  }
  return name
}

export async function startSimulatedController(options: SimulatedControllerOptions = {}): Promise<SimulatedController> {
  const personaName = options.persona ?? 'unifi-os-10.3'
  const persona = PERSONA_TABLE[personaName]
  if (!persona) {
    throw new ConfigError(`Unknown simulator persona "${String(personaName)}". Use one of: ${PERSONAS.join(', ')}.`)
  }
  const seed = options.seed ?? 1
  const now = options.now ?? Date.now
  const anchorMs = now()
  const ips: IpsProfile = {
    mode: options.ips?.mode ?? 'ips',
    etOpenOnly: options.ips?.rulesets === 'et-open-only',
  }
  const sizes: DatasetSizes = {
    events: size(options.events, DEFAULT_SIZES.events, 'events'),
    threats: ips.mode === 'disabled' ? 0 : size(options.threats, DEFAULT_SIZES.threats, 'threats'),
    devices: size(options.devices, DEFAULT_SIZES.devices, 'devices'),
  }
  const sites = [new SiteDataset(createSiteContext(seed, 'default', 'Default', anchorMs, ips), sizes)]
  if (seed % 2 === 0) {
    sites.push(
      new SiteDataset(
        createSiteContext(mix(seed, 0xb4a), 'branch', 'Branch office', anchorMs, ips),
        ips.mode === 'disabled' ? { ...BRANCH_SIZES, threats: 0 } : BRANCH_SIZES,
      ),
    )
  }
  const credentials = {
    username: options.username ?? 'admin',
    password: options.password ?? 'demo-password',
    apiKey: options.apiKey ?? randomBytes(24).toString('base64url'),
  }
  const state: ControllerState = {
    persona,
    credentials,
    sessions: new SessionStore(),
    faults: new FaultBook(options.faults ?? []),
    counters: { logins: 0, logouts: 0 },
    sites,
    now,
    posture: postureProfile(options.posture),
    drift: {},
  }
  const cert = await createServerCertificate()
  const host = options.host ?? '127.0.0.1'
  const latencyMs = options.latencyMs ?? 0
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new ConfigError(`The simulator's latencyMs must be 0 or more (got ${String(latencyMs)}).`)
  }
  const running = await startServer(state, cert, host, options.port ?? 0, latencyMs)
  const stream = attachEventStream(running.server, state)
  const stats = {
    get logins() {
      return state.counters.logins
    },
    get logouts() {
      return state.counters.logouts
    },
    requests: running.requests,
    openConnections: running.openConnections,
    inFlight: running.inFlight,
    maxInFlight: running.maxInFlight,
    resetMaxInFlight: running.resetMaxInFlight,
  }
  return {
    url: `https://${host}:${running.port}`,
    port: running.port,
    fingerprint: cert.fingerprint,
    certPem: cert.certPem,
    persona: personaName,
    credentials,
    setFaults: (faults) => state.faults.set(faults),
    setDrift: (drift) => {
      state.drift = drift
    },
    stats,
    stream,
    close: async () => {
      stream.close()
      await running.close()
    },
  }
}
