/**
 * Establishing a run's connection: read the trust material, probe the address, check the auth method
 * fits the controller, log in once, list the sites and read the Network version.
 */
import { readFile } from 'node:fs/promises'
import type { Agent } from 'undici'
import type { UnifiSettings } from '../../shared/settings.js'
import { ConfigError } from '../errors.js'
import { createDispatcher } from '../http/index.js'
import type { Logger } from '../logger.js'
import { parseControllerAddress } from './address.js'
import { isFatal } from './collect/context.js'
import { detectController } from './detect.js'
import { legacyRead, legacyPath } from './endpoints.js'
import { apiKeyOnClassicError } from './errors.js'
import type { ControllerInfo, SiteRef } from './model.js'
import { parseSites, parseSysinfo } from './parse/controller.js'
import { UnifiSession, type AuthConfig } from './session.js'
import { FingerprintRecorder } from './tls-fingerprint.js'

export interface Connection {
  session: UnifiSession
  info: ControllerInfo
  sites: SiteRef[]
}

export interface ConnectOptions {
  settings: UnifiSettings
  logger: Logger
  now: () => number
  probePorts: readonly number[]
  /** Receives the dispatcher as soon as it exists, so `close()` can shut it even mid-connect. */
  adoptDispatcher(dispatcher: Agent): void
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

export async function establishConnection(options: ConnectOptions, signal: AbortSignal): Promise<Connection> {
  const { settings, logger } = options
  const address = parseControllerAddress(settings.url)
  const auth = authFromSettings(settings)
  const caPem = await readCaFile(settings.caFile)
  const fingerprints = new FingerprintRecorder(address.host)
  const dispatcher = createDispatcher({
    trust: { fingerprint: settings.tlsFingerprint, caPem },
    maxResponseBytes: settings.maxResponseBytes,
    onTrustedConnection: fingerprints.record,
  })
  options.adoptDispatcher(dispatcher)
  const detected = await detectController({
    address,
    probePorts: options.probePorts,
    dispatcher,
    timeoutMs: settings.requestTimeoutMs,
    signal,
    logger,
  })
  if (auth.method === 'api-key' && detected.kind === 'classic') throw apiKeyOnClassicError(detected.baseUrl)
  const session = new UnifiSession({
    kind: detected.kind,
    baseUrl: detected.baseUrl,
    auth,
    dispatcher,
    timeoutMs: settings.requestTimeoutMs,
    maxResponseBytes: settings.maxResponseBytes,
    logger,
    now: options.now,
  })
  await session.ensureLoggedIn(signal)
  const sitesResult = await legacyRead(session, `${session.networkPrefix}/api/self/sites`, 'self/sites', signal)
  const sites = parseSites(sitesResult.data)
  const sysinfoSite = sites.find((site) => site.name === settings.site) ?? sites[0]
  let version: string | null = null
  let hostname: string | null = null
  if (sysinfoSite !== undefined) {
    try {
      const sysinfo = await legacyRead(
        session,
        legacyPath(session, sysinfoSite.name, 'stat/sysinfo'),
        'stat/sysinfo',
        signal,
      )
      ;({ version, hostname } = parseSysinfo(sysinfo.data))
    } catch (error) {
      if (isFatal(error)) throw error
      logger.warn('Could not read the Network version (stat/sysinfo)', {
        error: error instanceof Error ? error.message : 'unknown',
      })
    }
  }
  const info: ControllerInfo = {
    kind: detected.kind,
    baseUrl: detected.baseUrl,
    version,
    hostname,
    tlsFingerprint: fingerprints.fingerprintFor(detected.port),
    authMethod: auth.method,
  }
  logger.info('Connected to UniFi controller', {
    baseUrl: info.baseUrl,
    kind: info.kind,
    version: info.version ?? 'unknown',
  })
  return { session, info, sites }
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
