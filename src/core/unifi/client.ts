/**
 * The UniFi controller client. One client serves one report run: it connects and logs in once,
 * and every piece of data is a memoised task, so `collect()` and the CyberSecure integration's
 * `runAccess()` share requests and the single login. After the login every read of the run goes out in one
 * wave, the site list and version included, under the console's bound on requests in flight (see
 * request-limiter.ts). `close()` logs out and releases the connections.
 */
import type { Agent } from 'undici'
import type { UnifiRunAccess } from './run-access.js'
import type { UnifiSettings } from '../../shared/settings.js'
import { AbortedError, ScannerError } from '../errors.js'
import type { Logger } from '../logger.js'
import { DEFAULT_PROBE_PORTS } from './address.js'
import { collectAlarms, type AlarmsResult } from './collect/alarms.js'
import type { CollectContext } from './collect/context.js'
import { collectEvents, type EventsResult } from './collect/events.js'
import { collectClients, collectDevices, collectHealth, collectIpsSettings } from './collect/inventory.js'
import { collectPosture, POSTURE_CHAIN_RANK, type PostureResult } from './collect/posture.js'
import { postureCollection } from './collect/posture-assemble.js'
import { collectThreats, type ThreatsResult } from './collect/threats.js'
import {
  controllerInfoOf,
  establishConnection,
  readSites,
  readSysinfo,
  type Connection,
  type ControllerFacts,
} from './connection.js'
import type {
  CollectedDevice,
  ControllerInfo,
  HealthSubsystem,
  ReportWindow,
  SiteRef,
  UnifiCollection,
} from './model.js'
import { processProbeCache, type ProbeCache } from './probe-cache.js'
import { RequestLimiter, withRank } from './request-limiter.js'
import type { UnifiExchangeRecord, UnifiSession } from './session.js'
import { abortErrorOf, SharedTasks } from './shared-tasks.js'
import { chooseSite } from './sites.js'
import { consoleKey, processSourceMemory, SourceBook, type SourceMemory } from './source-memory.js'
import { BUDGET_ERROR_CODE } from './source-log.js'

export interface UnifiClientOptions {
  settings: UnifiSettings
  logger: Logger
  now?: () => number
  /** Ports probed when the address has none (default 443, 8443, 11443). */
  probePorts?: number[]
  /** What earlier runs learned about the console's endpoints (default: shared by the process). */
  sourceMemory?: SourceMemory
  /** What earlier runs of this process found when probing (default: shared by the process). */
  probeCache?: ProbeCache
  /** Read the configuration posture in the wave (default true; the benchmark turns it off to measure its cost). */
  posture?: boolean
  /** Told of every exchange with the console (the Status tab's last calls and latency percentiles). */
  onExchange?: (record: UnifiExchangeRecord) => void
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

/**
 * Where each source stands in the console's queue (lower goes first): the reads others wait for, then the
 * longest chains, then the single reads, so the dependent requests are never what is left for the last round.
 * The site list and version come first (the result, any site error and the remembered skips need them); then
 * the posture's firewall decision and the settings (each has a follow-up, collect/posture.ts), then the
 * sources with fallback chains, so a fallback can take the next free slot; the single reads fill the rest.
 */
const RANK = {
  facts: 0,
  'ips-settings': POSTURE_CHAIN_RANK.upnp,
  alarms: 2,
  events: 3,
  threats: 4,
  devices: 5,
  health: 6,
  clients: 7,
  posture: 8,
} as const
type Source = keyof typeof RANK

/** Endpoints each source may skip on what earlier runs learned: only then does it wait for the version. */
const SKIPPABLE: Record<Source, readonly string[]> = {
  facts: [],
  alarms: ['list/alarm', 'stat/alarm', 'system-log/critical'],
  events: ['system-log/all', 'stat/event'],
  threats: ['traffic-flows', 'stat/ips/event'],
  devices: [],
  health: [],
  clients: [],
  'ips-settings': [],
  posture: [],
}

export function createUnifiClient(options: UnifiClientOptions): UnifiClient {
  const now = options.now ?? Date.now
  const memory = options.sourceMemory ?? processSourceMemory
  const configuredSite = options.settings.site
  const tasks = new SharedTasks()
  const limiter = new RequestLimiter(options.settings.maxConcurrentRequests)
  const accesses = new Map<string, UnifiRunAccess>()
  const books = new Map<string, SourceBook>()
  let knownFacts: ControllerFacts | null = null
  let dispatcher: Agent | null = null
  let connection: Connection | null = null
  let closed = false
  /** Started by the first `collect()`: a slowly dripping controller costs at most this long. */
  let budget: { signal: AbortSignal; timer: NodeJS.Timeout } | null = null
  const budgetMs = options.settings.collectionBudgetMs ?? options.settings.requestTimeoutMs * 2

  const startBudget = (): AbortSignal => {
    if (budget !== null) return budget.signal
    const controller = new AbortController()
    const timer = setTimeout(
      () =>
        controller.abort(
          new ScannerError(
            'timeout',
            BUDGET_ERROR_CODE,
            `The UniFi collection used its time budget of ${Math.round(budgetMs / 100) / 10} s; ` +
              'what was read by then is in the report.',
          ),
        ),
      budgetMs,
    )
    timer.unref()
    budget = { signal: controller.signal, timer }
    return controller.signal
  }
  /** A collector's signal: its task's, and the collection budget once it runs. */
  const budgeted = (signal: AbortSignal): AbortSignal =>
    budget === null ? signal : AbortSignal.any([signal, budget.signal])
  /** The connection phase counts against the budget too; a budget spent there fails the run (nothing was read). */
  const withinBudget = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> => {
    if (signal.aborted) return Promise.reject(abortErrorOf(signal))
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(abortErrorOf(signal))
      signal.addEventListener('abort', onAbort, { once: true })
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort)
          resolve(value)
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort)
          reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
  }

  const connectTask = async (signal: AbortSignal): Promise<Connection> => {
    if (closed) throw new AbortedError('The UniFi client was closed.')
    connection = await establishConnection(
      {
        settings: options.settings,
        logger: options.logger,
        now,
        probePorts: options.probePorts ?? DEFAULT_PROBE_PORTS,
        probeCache: options.probeCache ?? processProbeCache,
        limiter,
        ...(options.onExchange ? { onExchange: options.onExchange } : {}),
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

  /** Starts (or joins) a task with its source's place in the console's queue. */
  const ranked = <T>(source: Source, key: string, task: (s: AbortSignal) => Promise<T>, signal: AbortSignal) =>
    withRank(RANK[source], () => tasks.run(key, task, signal))

  /** A book is only written once the wave shows its site is the one the settings mean. */
  const resolveBook = (book: SourceBook, site: string, facts: ControllerFacts): void => {
    try {
      if (chooseSite(facts.sites, configuredSite).name === site) book.settle(facts.version)
      else book.discard()
    } catch {
      book.discard()
    }
  }

  const sites = (signal: AbortSignal): Promise<SiteRef[]> =>
    ranked('facts', 'sites', async (s) => readSites((await connected(s)).session, s), signal)

  const sysinfo = (session: UnifiSession, site: string, signal: AbortSignal) =>
    ranked('facts', `${site}|sysinfo`, (s) => readSysinfo(session, site, options.logger, s), signal)

  /**
   * The site list and the version. With a configured site name both go out together; otherwise the version is
   * read from the first listed site once the list is in.
   */
  const factsTask = async (signal: AbortSignal): Promise<ControllerFacts> => {
    const conn = await connected(signal)
    try {
      const early = configuredSite === undefined ? null : sysinfo(conn.session, configuredSite, signal)
      early?.catch(() => undefined)
      const listed = await sites(signal)
      const versionSite = listed.find((site) => site.name === configuredSite) ?? listed[0]
      const info =
        versionSite === undefined
          ? { version: null, hostname: null, sysinfo: null }
          : await (early !== null && versionSite.name === configuredSite
              ? early
              : sysinfo(conn.session, versionSite.name, signal))
      const facts: ControllerFacts = { sites: listed, ...info }
      knownFacts = facts
      for (const [site, book] of books) resolveBook(book, site, facts)
      options.logger.info('Connected to UniFi controller', {
        baseUrl: conn.baseUrl,
        kind: conn.kind,
        version: facts.version ?? 'unknown',
      })
      return facts
    } catch (error) {
      if (!signal.aborted) for (const book of books.values()) book.discard()
      throw error
    }
  }
  const facts = (signal: AbortSignal): Promise<ControllerFacts> => ranked('facts', 'facts', factsTask, signal)

  const confirmedSite = async (signal: AbortSignal): Promise<SiteRef> =>
    chooseSite((await facts(signal)).sites, configuredSite)

  /** The site the wave aims at: the configured name at once (checked against the list as it arrives). */
  const plannedSite = async (signal: AbortSignal): Promise<string> =>
    configuredSite ?? chooseSite(await sites(signal), undefined).name

  const bookFor = (conn: Connection, site: string): SourceBook => {
    let book = books.get(site)
    if (book === undefined) {
      book = new SourceBook(memory, consoleKey(conn.kind, conn.baseUrl), now)
      books.set(site, book)
      if (knownFacts !== null) resolveBook(book, site, knownFacts)
    }
    return book
  }

  const contextFor = async (
    source: Source,
    window: ReportWindow,
    site: string,
    signal: AbortSignal,
  ): Promise<CollectContext> => {
    const conn = await connected(signal)
    const book = bookFor(conn, site)
    // The facts settle the book: only a source that may skip something on what is remembered waits for them.
    if (book.remembersAny(SKIPPABLE[source])) await facts(signal)
    return { session: conn.session, site, window, book, logger: options.logger, now }
  }

  const windowKey = (window: ReportWindow): string => `${window.since}-${window.until}`

  const eventsTask = (window: ReportWindow, site: string, signal: AbortSignal): Promise<EventsResult> =>
    ranked(
      'events',
      `${site}|events|${windowKey(window)}`,
      async (taskSignal) => collectEvents(await contextFor('events', window, site, taskSignal), budgeted(taskSignal)),
      signal,
    )

  const threatsTask = (window: ReportWindow, site: string, signal: AbortSignal): Promise<ThreatsResult> =>
    ranked(
      'threats',
      `${site}|threats|${windowKey(window)}`,
      async (taskSignal) =>
        collectThreats(
          await contextFor('threats', window, site, taskSignal),
          () => eventsTask(window, site, taskSignal),
          budgeted(taskSignal),
        ),
      signal,
    )

  const alarmsTask = (window: ReportWindow, site: string, signal: AbortSignal): Promise<AlarmsResult> =>
    ranked(
      'alarms',
      `${site}|alarms|${windowKey(window)}`,
      async (taskSignal) => collectAlarms(await contextFor('alarms', window, site, taskSignal), budgeted(taskSignal)),
      signal,
    )

  const simpleTask = <T>(
    source: 'devices' | 'health' | 'clients' | 'ips-settings',
    window: ReportWindow,
    site: string,
    signal: AbortSignal,
    run: (ctx: CollectContext, s: AbortSignal) => Promise<T>,
  ): Promise<T> =>
    ranked(
      source,
      `${site}|${source}`,
      async (taskSignal) => run(await contextFor(source, window, site, taskSignal), budgeted(taskSignal)),
      signal,
    )

  const ipsTask = (window: ReportWindow, site: string, signal: AbortSignal) =>
    simpleTask('ips-settings', window, site, signal, collectIpsSettings)

  const postureTask = (window: ReportWindow, site: string, signal: AbortSignal): Promise<PostureResult | null> =>
    options.posture === false
      ? Promise.resolve(null)
      : ranked(
          'posture',
          `${site}|posture`,
          async (taskSignal) =>
            collectPosture(
              await contextFor('posture', window, site, taskSignal),
              async () => (await ipsTask(window, site, taskSignal)).posture,
              budgeted(taskSignal),
            ),
          signal,
        )

  /** Every read of one site at once; the limiter decides what actually goes out. */
  const wave = (window: ReportWindow, site: string, signal: AbortSignal, report: (step: string) => void) => {
    const track = <T>(step: string, promise: Promise<T>): Promise<T> => promise.then((value) => (report(step), value))
    return Promise.all([
      track('Alarms read', alarmsTask(window, site, signal)),
      track('Events read', eventsTask(window, site, signal)),
      track('Threats read', threatsTask(window, site, signal)),
      track('Devices read', simpleTask('devices', window, site, signal, collectDevices)),
      track('Health read', simpleTask('health', window, site, signal, collectHealth)),
      track('Clients counted', simpleTask('clients', window, site, signal, collectClients)),
      track('Threat-management settings read', ipsTask(window, site, signal)),
      track('Configuration read', postureTask(window, site, signal)),
    ])
  }

  const client: UnifiClient = {
    async connect(signal) {
      const conn = await connected(signal)
      return controllerInfoOf(conn, await facts(signal))
    },

    async listSites(signal) {
      return (await facts(signal)).sites
    },

    async collect(window, signal, onProgress) {
      const report = progressReporter(onProgress)
      report('Connecting to the controller')
      const budgetSignal = startBudget()
      const conn = await withinBudget(connected(signal), budgetSignal)
      const factsRead = withinBudget(facts(signal), budgetSignal)
      // Awaited below, after the wave has started; a failure must not count as unhandled meanwhile.
      factsRead.catch(() => undefined)
      const planned = await withinBudget(plannedSite(signal), budgetSignal)
      report('Reading devices, events and threats')
      let reads = wave(window, planned, signal, report)
      reads.catch(() => undefined)
      // A site problem (not found, several sites) is the run's error even when a read failed first.
      const controllerFacts = await factsRead
      const site = chooseSite(controllerFacts.sites, configuredSite)
      if (site.name !== planned) {
        // The configured value named the site by its description: read again under its real name.
        tasks.abortWhere((key) => key.startsWith(`${planned}|`), new AbortedError('Superseded by the real site name.'))
        reads = wave(window, site.name, signal, report)
      }
      const [alarms, events, threats, devices, health, clients, ips, posture] = await reads
      const logs = [devices.log, health.log, clients.log, ips.log, events.log, alarms.log, threats.log]
      if (posture !== null) logs.push(posture.log)
      const assembled = posture === null ? null : postureCollection(posture, ips, devices, controllerFacts.sysinfo)
      const attempts = logs.flatMap((log) => log.attempts)
      const warnings = logs.flatMap((log) => log.warnings)
      report('Collection complete', 100)
      return {
        controller: controllerInfoOf(conn, controllerFacts),
        site,
        window,
        devices: devices.value,
        health: health.value,
        clientCount: clients.value === null ? null : clients.value.length,
        ...(clients.value === null ? {} : { clients: clients.value }),
        events: events.events,
        alarms: alarms.alarms,
        threats: threats.threats,
        ipsSettings: ips.value,
        ...(assembled === null ? {} : { posture: assembled }),
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
        ipsSettings: async (signal) => (await ipsTask(window, (await confirmedSite(signal)).name, signal)).value,
        threats: async (signal) => {
          const result = await threatsTask(window, (await confirmedSite(signal)).name, signal)
          return { threats: result.threats, sources: { threats: result.sources, attempts: result.log.attempts } }
        },
        events: async (signal) => (await eventsTask(window, (await confirmedSite(signal)).name, signal)).events,
        wanAddresses: async (signal) => {
          const site = (await confirmedSite(signal)).name
          const [devices, health] = await Promise.all([
            simpleTask('devices', window, site, signal, collectDevices),
            simpleTask('health', window, site, signal, collectHealth),
          ])
          return wanAddressesOf(devices.value, health.value)
        },
      }
      accesses.set(key, access)
      return access
    },

    async close() {
      if (closed) return
      closed = true
      if (budget !== null) clearTimeout(budget.timer)
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

const STEPS = 9

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

/** Every WAN address the site reports for itself, from the devices' WAN links and the health `wan` subsystem. */
function wanAddressesOf(devices: readonly CollectedDevice[], health: readonly HealthSubsystem[]): string[] {
  const found = new Set<string>()
  for (const device of devices) for (const link of device.wan) if (link.ip) found.add(link.ip)
  for (const subsystem of health) {
    if (subsystem.subsystem !== 'wan') continue
    for (const key of ['wan_ip', 'wan_ip6']) {
      const value = subsystem.details?.[key]
      if (typeof value === 'string' && value.trim() !== '') found.add(value.trim())
    }
  }
  return [...found]
}
