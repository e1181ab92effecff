/**
 * The UniFi controller client. One client serves one report run: it connects and logs in once,
 * and every piece of data is a memoised task, so `collect()` and the CyberSecure integration's
 * `runAccess()` share requests and the single login. `close()` logs out and releases the connections.
 */
import type { Agent } from 'undici'
import type { UnifiRunAccess } from '../integrations/contract.js'
import type { UnifiSettings } from '../../shared/settings.js'
import { AbortedError } from '../errors.js'
import type { Logger } from '../logger.js'
import { DEFAULT_PROBE_PORTS } from './address.js'
import { collectAlarms } from './collect/alarms.js'
import type { CollectContext } from './collect/context.js'
import { collectEvents, type EventsResult } from './collect/events.js'
import { collectClientCount, collectDevices, collectHealth, collectIpsSettings } from './collect/inventory.js'
import { collectThreats, type ThreatsResult } from './collect/threats.js'
import { establishConnection, type Connection } from './connection.js'
import type { ControllerInfo, ReportWindow, SiteRef, UnifiCollection } from './model.js'
import { SharedTasks } from './shared-tasks.js'
import { chooseSite } from './sites.js'
import { processSourceMemory, SourceBook, type SourceMemory } from './source-memory.js'

export interface UnifiClientOptions {
  settings: UnifiSettings
  logger: Logger
  now?: () => number
  /** Ports probed when the address has none (default 443, 8443, 11443). */
  probePorts?: number[]
  sourceMemory?: SourceMemory
}

export interface CollectProgress {
  step: string
  percent: number
}

export interface UnifiClient {
  /** Probes the address, detects the controller, applies TLS trust and logs in (once, shared). */
  connect(signal: AbortSignal): Promise<ControllerInfo>
  listSites(signal: AbortSignal): Promise<SiteRef[]>
  collect(
    window: ReportWindow,
    signal: AbortSignal,
    onProgress?: (progress: CollectProgress) => void,
  ): Promise<UnifiCollection>
  /** Memoised per window; shares requests and the login with `collect()`. */
  runAccess(window: ReportWindow): UnifiRunAccess
  /** Logs out of a password session and closes the connections. Safe to call more than once. */
  close(): Promise<void>
}

export function createUnifiClient(options: UnifiClientOptions): UnifiClient {
  const now = options.now ?? Date.now
  const memory = options.sourceMemory ?? processSourceMemory
  const tasks = new SharedTasks()
  const accesses = new Map<string, UnifiRunAccess>()
  let dispatcher: Agent | null = null
  let connection: Connection | null = null
  let book: SourceBook | null = null
  let closed = false

  const connectTask = async (signal: AbortSignal): Promise<Connection> => {
    if (closed) throw new AbortedError('The UniFi client was closed.')
    connection = await establishConnection(
      {
        settings: options.settings,
        logger: options.logger,
        now,
        probePorts: options.probePorts ?? DEFAULT_PROBE_PORTS,
        adoptDispatcher: (agent) => {
          // A connect abandoned half-way may have left a dispatcher behind; only the newest one is kept.
          const previous = dispatcher
          dispatcher = agent
          if (previous !== null) void previous.destroy().catch(() => undefined)
        },
      },
      signal,
    )
    return connection
  }
  const connected = (signal: AbortSignal): Promise<Connection> => tasks.run('connect', connectTask, signal)

  const contextFor = async (window: ReportWindow, signal: AbortSignal): Promise<CollectContext> => {
    const conn = await connected(signal)
    const site = chooseSite(conn.sites, options.settings.site)
    book ??= new SourceBook(memory, conn.info.baseUrl, conn.info.version)
    return { session: conn.session, site: site.name, window, book, logger: options.logger, now }
  }

  const windowKey = (window: ReportWindow): string => `${window.since}-${window.until}`

  const eventsTask = (window: ReportWindow, signal: AbortSignal): Promise<EventsResult> =>
    tasks.run(
      `events:${windowKey(window)}`,
      async (taskSignal) => collectEvents(await contextFor(window, taskSignal), taskSignal),
      signal,
    )

  const threatsTask = (window: ReportWindow, signal: AbortSignal): Promise<ThreatsResult> =>
    tasks.run(
      `threats:${windowKey(window)}`,
      async (taskSignal) =>
        collectThreats(await contextFor(window, taskSignal), () => eventsTask(window, taskSignal), taskSignal),
      signal,
    )

  const simpleTask = <T>(
    name: string,
    window: ReportWindow,
    signal: AbortSignal,
    run: (ctx: CollectContext, s: AbortSignal) => Promise<T>,
  ): Promise<T> => tasks.run(name, async (taskSignal) => run(await contextFor(window, taskSignal), taskSignal), signal)

  const ipsTask = (window: ReportWindow, signal: AbortSignal) =>
    simpleTask('ips-settings', window, signal, collectIpsSettings)

  const client: UnifiClient = {
    async connect(signal) {
      return (await connected(signal)).info
    },

    async listSites(signal) {
      return (await connected(signal)).sites
    },

    async collect(window, signal, onProgress) {
      const report = progressReporter(onProgress)
      report('Connecting to the controller')
      const conn = await connected(signal)
      const site = chooseSite(conn.sites, options.settings.site)
      report('Reading devices, events and threats')
      const track = <T>(step: string, promise: Promise<T>): Promise<T> => promise.then((value) => (report(step), value))
      const [devices, health, clients, ips, events, alarms, threats] = await Promise.all([
        track('Devices read', simpleTask('devices', window, signal, collectDevices)),
        track('Health read', simpleTask('health', window, signal, collectHealth)),
        track('Clients counted', simpleTask('clients', window, signal, collectClientCount)),
        track('Threat-management settings read', ipsTask(window, signal)),
        track('Events read', eventsTask(window, signal)),
        track(
          'Alarms read',
          tasks.run(`alarms:${windowKey(window)}`, async (s) => collectAlarms(await contextFor(window, s), s), signal),
        ),
        track('Threats read', threatsTask(window, signal)),
      ])
      const logs = [devices.log, health.log, clients.log, ips.log, events.log, alarms.log, threats.log]
      const attempts = logs.flatMap((log) => log.attempts)
      const warnings = logs.flatMap((log) => log.warnings)
      report('Collection complete', 100)
      return {
        controller: conn.info,
        site,
        window,
        devices: devices.value,
        health: health.value,
        clientCount: clients.value,
        events: events.events,
        alarms: alarms.alarms,
        threats: threats.threats,
        ipsSettings: ips.value,
        sources: { events: events.source, alarms: alarms.source, threats: threats.sources, attempts },
        warnings,
      }
    },

    runAccess(window) {
      const key = windowKey(window)
      const existing = accesses.get(key)
      if (existing !== undefined) return existing
      const access: UnifiRunAccess = {
        controllerInfo: (signal) => client.connect(signal),
        ipsSettings: async (signal) => (await ipsTask(window, signal)).value,
        threats: async (signal) => {
          const result = await threatsTask(window, signal)
          return { threats: result.threats, sources: { threats: result.sources, attempts: result.log.attempts } }
        },
      }
      accesses.set(key, access)
      return access
    },

    async close() {
      if (closed) return
      closed = true
      tasks.abortAll(new AbortedError('The UniFi client was closed.'))
      const current = connection
      connection = null
      if (current !== null) await current.session.logout()
      const agent = dispatcher
      dispatcher = null
      if (agent !== null) await agent.close()
    },
  }
  return client
}

const STEPS = 8

function progressReporter(
  onProgress: ((progress: CollectProgress) => void) | undefined,
): (step: string, percent?: number) => void {
  let done = 0
  return (step, percent) => {
    if (onProgress === undefined) return
    done += 1
    onProgress({ step, percent: percent ?? Math.min(99, Math.round((done / (STEPS + 1)) * 100)) })
  }
}
