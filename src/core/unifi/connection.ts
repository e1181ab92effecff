/**
 * Establishing a run's connection: read the trust material, probe the address, check the auth method
 * fits the controller and log in once. The site list and the Network version are read in the same wave as
 * the data (`readControllerFacts`), not before it.
 */
import { readFile } from 'node:fs/promises'
import type { Agent } from 'undici'
import type { UnifiSettings } from '../../shared/settings.js'
import { ConfigError, ScannerError } from '../errors.js'
import { createDispatcher } from '../http/index.js'
import type { Logger } from '../logger.js'
import { originOf, parseControllerAddress, type ControllerAddress } from './address.js'
import { isFatal } from './collect/context.js'
import { detectController, type DetectedController } from './detect.js'
import { legacyRead, legacyPath } from './endpoints.js'
import { apiKeyOnClassicError } from './errors.js'
import type { ControllerInfo, ControllerKind, SiteRef } from './model.js'
import type { PostureSysinfo } from './posture-model.js'
import type { ProbeCache } from './probe-cache.js'
import type { RequestLimiter } from './request-limiter.js'
import { parseSites, parseSysinfo } from './parse/controller.js'
import { parsePostureSysinfo } from './schemas/posture-config.js'
import { UnifiSession, type AuthConfig, type UnifiExchangeRecord } from './session.js'
import { FingerprintRecorder } from './tls-fingerprint.js'

/** What `https://host` without a port means. */
const HTTPS_PORT = 443

/** A logged-in session with a console whose address and flavour are known; sites and version come later. */
export interface Connection {
  session: UnifiSession
  kind: ControllerKind
  baseUrl: string
  port: number
  fingerprints: FingerprintRecorder
}

/** What the wave learns about the controller beside the data: its sites and its Network version. */
export interface ControllerFacts {
  sites: SiteRef[]
  version: string | null
  hostname: string | null
  /** The posture fields of `stat/sysinfo` (update available, auto backup); null when it could not be read. */
  sysinfo: PostureSysinfo | null
}

export interface ConnectOptions {
  settings: UnifiSettings
  logger: Logger
  now: () => number
  probePorts: readonly number[]
  probeCache: ProbeCache
  limiter: RequestLimiter
  /** Receives the dispatcher as soon as it exists, so `close()` can shut it even mid-connect. */
  adoptDispatcher(dispatcher: Agent): void
  /** Every exchange of the session with the console, login and logout included. */
  onExchange?: (record: UnifiExchangeRecord) => void
}

export function authFromSettings(settings: UnifiSettings): AuthConfig {
  if (settings.apiKey !== undefined) return { method: 'api-key', apiKey: settings.apiKey }
  if (settings.username !== undefined && settings.password !== undefined) {
    return { method: 'password', username: settings.username, password: settings.password }
  }
  const missing = settings.username === undefined ? 'unifi.username' : 'unifi.password'
  throw new ConfigError('No UniFi credentials are set. Enter an API key, or a local admin username and password.', [
    `${missing}: required (or set unifi.apiKey)`,
  ])
}

/**
 * Trust material, the probe (or what an earlier run of this process found at the same address) and the login.
 * Anything that goes wrong here, and any connection failure later, makes the next run probe again.
 */
export async function establishConnection(options: ConnectOptions, signal: AbortSignal): Promise<Connection> {
  const { settings, logger } = options
  const address = parseControllerAddress(settings.url)
  const auth = authFromSettings(settings)
  const caPem = await readCaFile(settings.caFile)
  const fingerprints = new FingerprintRecorder(address.host)
  const dispatcher = createDispatcher({
    trust: { fingerprint: settings.tlsFingerprint, caPem },
    maxResponseBytes: settings.maxResponseBytes,
    // One socket per slot of the request bound: fewer would cap it silently, more would sit idle.
    connectionsPerOrigin: settings.maxConcurrentRequests,
    onTrustedConnection: fingerprints.record,
  })
  options.adoptDispatcher(dispatcher)
  const probeKey = probeKeyOf(address, options.probePorts, settings)
  const cached = options.probeCache.get(probeKey)
  try {
    return await logIn(options, address, auth, dispatcher, fingerprints, probeKey, cached, signal)
  } catch (error) {
    options.probeCache.delete(probeKey)
    // What an earlier run found may be stale (another port, another console): probe once before giving up.
    if (cached === undefined || signal.aborted || !(error instanceof ScannerError) || isFatal(error)) throw error
    logger.debug('UniFi controller no longer answers as before; probing again', { code: error.code })
    return logIn(options, address, auth, dispatcher, fingerprints, probeKey, undefined, signal)
  }
}

async function logIn(
  options: ConnectOptions,
  address: ControllerAddress,
  auth: AuthConfig,
  dispatcher: Agent,
  fingerprints: FingerprintRecorder,
  probeKey: string,
  cached: DetectedController | undefined,
  signal: AbortSignal,
): Promise<Connection> {
  const { settings, logger } = options
  const sessionAt = (kind: ControllerKind, baseUrl: string): UnifiSession =>
    new UnifiSession({
      kind,
      baseUrl,
      auth,
      dispatcher,
      timeoutMs: settings.requestTimeoutMs,
      maxResponseBytes: settings.maxResponseBytes,
      logger,
      now: options.now,
      limiter: options.limiter,
      onConnectionFailure: () => options.probeCache.delete(probeKey),
      ...(options.onExchange ? { onExchange: options.onExchange } : {}),
    })
  let detected = cached
  let early: EarlyLogin | null = null
  if (detected === undefined) {
    early = startEarlyLogin(address, auth, sessionAt, signal)
    try {
      detected = await detectController({
        address,
        probePorts: options.probePorts,
        dispatcher,
        timeoutMs: settings.requestTimeoutMs,
        signal,
        logger,
      })
    } catch (error) {
      await early?.discard()
      throw error
    }
  } else {
    logger.debug('UniFi controller known from an earlier run', { baseUrl: detected.baseUrl, kind: detected.kind })
  }
  if (auth.method === 'api-key' && detected.kind === 'classic') throw apiKeyOnClassicError(detected.baseUrl)
  let session: UnifiSession
  if (early !== null && early.session.kind === detected.kind && early.session.baseUrl === detected.baseUrl) {
    session = early.session
    await early.loggedIn
  } else {
    await early?.discard()
    session = sessionAt(detected.kind, detected.baseUrl)
    await session.ensureLoggedIn(signal)
  }
  options.probeCache.set(probeKey, detected)
  return { session, kind: detected.kind, baseUrl: detected.baseUrl, port: detected.port, fingerprints }
}

interface EarlyLogin {
  session: UnifiSession
  loggedIn: Promise<void>
  /** Waits for the early attempt to end and drops its session (logging out if it did get in). */
  discard(): Promise<void>
}

/**
 * Most consoles are UniFi OS at the address as typed, so a password login there goes out beside the probe
 * instead of after it: one round trip less on a long link. Only at the address's own origin (its port, or
 * 443 when none was typed, which is what `https://host` means), so the password goes nowhere the user did not
 * name; TLS is verified before anything is sent, as for every request. On a classic controller the attempt
 * meets a 404 and is dropped.
 */
function startEarlyLogin(
  address: ControllerAddress,
  auth: AuthConfig,
  sessionAt: (kind: ControllerKind, baseUrl: string) => UnifiSession,
  signal: AbortSignal,
): EarlyLogin | null {
  if (auth.method !== 'password') return null
  const session = sessionAt('unifi-os', originOf(address.host, address.port ?? HTTPS_PORT))
  const loggedIn = session.ensureLoggedIn(signal)
  // Settled by whoever uses or discards it; until then a refusal must not count as unhandled.
  loggedIn.catch(() => undefined)
  return {
    session,
    loggedIn,
    async discard() {
      await loggedIn.then(
        () => session.logout(),
        () => undefined,
      )
    },
  }
}

export async function readSites(session: UnifiSession, signal: AbortSignal): Promise<SiteRef[]> {
  const result = await legacyRead(session, `${session.networkPrefix}/api/self/sites`, 'self/sites', signal)
  return parseSites(result.data)
}

/** The Network version and host name; a failure leaves them unknown and is only logged. */
export async function readSysinfo(
  session: UnifiSession,
  site: string,
  logger: Logger,
  signal: AbortSignal,
): Promise<Omit<ControllerFacts, 'sites'>> {
  try {
    const sysinfo = await legacyRead(session, legacyPath(session, site, 'stat/sysinfo'), 'stat/sysinfo', signal)
    return { ...parseSysinfo(sysinfo.data), sysinfo: parsePostureSysinfo(sysinfo.data) }
  } catch (error) {
    if (isFatal(error)) throw error
    logger.warn('Could not read the Network version (stat/sysinfo)', {
      error: error instanceof Error ? error.message : 'unknown',
    })
    return { version: null, hostname: null, sysinfo: null }
  }
}

export function controllerInfoOf(connection: Connection, facts: ControllerFacts): ControllerInfo {
  return {
    kind: connection.kind,
    baseUrl: connection.baseUrl,
    version: facts.version,
    hostname: facts.hostname,
    tlsFingerprint: connection.fingerprints.fingerprintFor(connection.port),
    authMethod: connection.session.authMethod,
  }
}

/**
 * Keyed by the address and by the trust settings: a new pinned certificate or CA is a reason to look again,
 * and two consoles that were reachable at the same address one after the other are not confused.
 */
function probeKeyOf(address: ControllerAddress, probePorts: readonly number[], settings: UnifiSettings): string {
  const ports = address.port ?? probePorts.join(',')
  return [address.host, ports, settings.tlsFingerprint ?? '', settings.caFile ?? ''].join('|')
}

async function readCaFile(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError(
      `The CA file ${path} cannot be read. Check the path in the settings or remove it.`,
      ['unifi.caFile: unreadable'],
      { cause: error, code: 'UNIFI_CA_FILE' },
    )
  }
}
