/**
 * The integration runtime: one long-lived object per process (the CLI `schedule` loop and the
 * desktop app reuse it) that keeps one breaker per integration across runs, runs every configured integration
 * concurrently with Promise.allSettled semantics, and keeps the live status for the UI.
 */
import { setMaxListeners } from 'node:events'
import { join } from 'node:path'
import type { Dispatcher } from 'undici'
import type { IntegrationStatusSnapshot } from '../../shared/integration-status.js'
import type { Settings } from '../../shared/settings.js'
import { AbortedError, toScannerError } from '../errors.js'
import { createDispatcher } from '../http/index.js'
import type { Logger } from '../logger.js'
import type { AddressNote } from '../report/address-notes.js'
import type { ReportWindow } from '../unifi/model.js'
import { IntegrationBreaker } from './breaker.js'
import { checkConfiguration, PartialConfigWarner, partialMessage } from './configuration.js'
import type { AnyIntegration, ConnectionTestResult, Integration, IntegrationOutcome } from './contract.js'
import type { UnifiRunAccess } from '../unifi/run-access.js'
import { outcomeForError, unableToFetch, type OutcomeBase } from './outcome.js'
import { isPaused, ownPolicyKeys, sourcePolicy } from './policy.js'
import { IntegrationStatusStore, idleBreakerStatus, type StatusListener } from './status-store.js'
import { runConnectionTest } from './test-connection.js'

export { sectionForOutcome } from './outcome-section.js'

export interface IntegrationRuntimeOptions {
  integrations: readonly AnyIntegration[]
  settings: Settings
  logger: Logger
  /** Shared dispatcher with default TLS trust; created (and closed by `close()`) when omitted. */
  dispatcher?: Dispatcher
  now?: () => number
  /** Rolling window of the status counts; default 10 minutes. */
  statusWindowMs?: number
}

export interface IntegrationRunRequest {
  window: ReportWindow
  /** Cancels the whole run (e.g. app quit); each integration still has its own time budget. */
  signal?: AbortSignal
  unifi: UnifiRunAccess | null
  /** New settings for this and later runs (a changed breaker policy rebuilds the breakers). */
  settings?: Settings
  /** The data folder: each integration gets `integrations/<id>/` below it as its cache folder. */
  dataDir?: string
}

export interface IntegrationRuntime {
  /** One outcome per registered integration, in registry order. Never rejects. */
  run(request: IntegrationRunRequest): Promise<IntegrationOutcome[]>
  updateSettings(settings: Settings): void
  status(): IntegrationStatusSnapshot[]
  onChange(listener: StatusListener): () => void
  /** Moves an open breaker to its trial at once (the next run's call is the trial). False if it was not open. */
  retryNow(id: string): boolean
  /** After a report was written: which integrations it has a section of (for "the last 2 reports have none"). */
  recordReport(outcomes: readonly IntegrationOutcome[]): void
  testConnection(
    id: string,
    options?: { signal?: AbortSignal; unifi?: UnifiRunAccess | null },
  ): Promise<ConnectionTestResult>
  /** Aborts calls in flight, shuts the breakers down and closes an owned dispatcher. */
  close(): Promise<void>
}

interface FetchInput {
  window: ReportWindow
  unifi: UnifiRunAccess | null
  settings: Settings
  dataDir: string | null
}

/** An integration's own cache folder below the data folder. */
export function integrationCacheDir(dataDir: string | null, id: string): string | null {
  return dataDir === null ? null : join(dataDir, 'integrations', id)
}

type Breaker = IntegrationBreaker<FetchInput, unknown>

export function createIntegrationRuntime(options: IntegrationRuntimeOptions): IntegrationRuntime {
  const now = options.now ?? Date.now
  const logger = options.logger
  const integrations = [...options.integrations]
  const ownsDispatcher = options.dispatcher === undefined
  const dispatcher = options.dispatcher ?? createDispatcher()
  const store = new IntegrationStatusStore({ now, windowMs: options.statusWindowMs })
  const warner = new PartialConfigWarner(logger)
  const breakers = new Map<string, Breaker>()
  const tests = new Set<AbortController>()
  let settings = options.settings
  let closed = false

  const applyControls = (id: string, current: Settings): void =>
    store.setControls(id, { paused: isPaused(current, id), ownPolicy: ownPolicyKeys(current, id) })

  for (const integration of integrations) {
    store.register(integration.id, integration.displayName, idleBreakerStatus(sourcePolicy(settings, integration.id)))
    store.setConfiguration(integration.id, checkConfiguration(integration, settings))
    applyControls(integration.id, settings)
  }

  // Breakers are created on first use: an integration nobody configured costs nothing.
  const breakerFor = (integration: Integration<unknown>): Breaker => {
    const existing = breakers.get(integration.id)
    if (existing) return existing
    const breaker: Breaker = new IntegrationBreaker<FetchInput, unknown>({
      id: integration.id,
      displayName: integration.displayName,
      policy: sourcePolicy(settings, integration.id),
      logger,
      now,
      action: (signal, input) =>
        integration.fetch({
          signal,
          dispatcher,
          logger,
          now,
          window: input.window,
          unifi: input.unifi,
          settings: input.settings,
          cacheDir: integrationCacheDir(input.dataDir, integration.id),
        }),
      onCall: (record) => store.recordCall(integration.id, record, breaker.view()),
      onStateChange: () => store.setBreaker(integration.id, breaker.view()),
    })
    breakers.set(integration.id, breaker)
    return breaker
  }

  const updateSettings = (next: Settings): void => {
    settings = next
    for (const [id, breaker] of breakers) breaker.applyPolicy(sourcePolicy(next, id))
    for (const integration of integrations) {
      store.setConfiguration(integration.id, checkConfiguration(integration, next))
      applyControls(integration.id, next)
      if (!breakers.has(integration.id))
        store.setBreaker(integration.id, idleBreakerStatus(sourcePolicy(next, integration.id)))
    }
  }

  const runOne = async (
    any: AnyIntegration,
    request: IntegrationRunRequest,
    current: Settings,
  ): Promise<IntegrationOutcome> => {
    const integration: Integration<unknown> = any
    const check = checkConfiguration(integration, current)
    store.setConfiguration(integration.id, check)
    warner.observe(integration, check)
    const base: OutcomeBase = {
      id: integration.id,
      displayName: integration.displayName,
      durationMs: 0,
      breaker: breakers.get(integration.id)?.state ?? 'closed',
    }
    if (check.state === 'not-configured') return { ...base, status: 'not-configured' }
    if (check.state === 'partial') {
      return {
        ...base,
        status: 'partial-config',
        missing: check.missing,
        message: partialMessage(integration, check.missing),
      }
    }
    if (isPaused(current, integration.id)) {
      return {
        ...base,
        status: 'paused',
        message: `${integration.displayName} is paused (by you, on the Status tab): nothing was fetched. Resume it there.`,
      }
    }
    const timezone = current.report.timezone
    if (closed) {
      return outcomeForError(
        base,
        new AbortedError(`${integration.displayName}: the integration runtime was closed.`),
        {
          timeoutMs: sourcePolicy(current, integration.id).timeoutMs,
          timezone,
        },
      )
    }
    const breaker = breakerFor(integration)
    const startedAt = now()
    let data: unknown
    try {
      data = await breaker.fire(
        { window: request.window, unifi: request.unifi, settings: current, dataDir: request.dataDir ?? null },
        request.signal,
      )
    } catch (error) {
      const done = { ...base, durationMs: now() - startedAt, breaker: breaker.state }
      const outcome = outcomeForError(done, toScannerError(error), {
        timeoutMs: breaker.currentPolicy.timeoutMs,
        timezone,
      })
      logOutcome(outcome)
      return outcome
    }
    const done = { ...base, durationMs: now() - startedAt, breaker: breaker.state }
    try {
      const section = integration.renderSection(data, { window: request.window, timezone })
      return { ...done, status: 'ok', data, section, ...addressNotesOf(integration, data, logger) }
    } catch (error) {
      // The upstream answered; a rendering bug is ours and must not trip the breaker.
      logger.error(`${integration.displayName}: could not build the report section.`, {
        integration: integration.id,
        error: toScannerError(error).message,
      })
      return {
        ...done,
        status: 'failed',
        reason: 'error',
        message: `${integration.displayName}: unable to show the data (unexpected error)`,
        errorKind: 'internal',
        nextAttemptAt: null,
      }
    }
  }

  // One line per call that really failed; short-circuited calls stay silent (the breaker logged the opening).
  const logOutcome = (outcome: IntegrationOutcome): void => {
    if (outcome.status === 'needs-attention')
      logger.warn(outcome.message, { integration: outcome.id, kind: outcome.errorKind })
    if (outcome.status === 'failed' && outcome.reason !== 'circuit-open' && outcome.errorKind !== 'aborted') {
      logger.warn(outcome.message, { integration: outcome.id, kind: outcome.errorKind })
    }
  }

  return {
    async run(request) {
      if (request.settings) updateSettings(request.settings)
      const current = settings
      const link = linkRunSignal(request.signal, integrations.length)
      const results = await Promise.allSettled(
        integrations.map((integration) => runOne(integration, { ...request, signal: link.signal }, current)),
      ).finally(link.dispose)
      return results.map((result, index) => {
        if (result.status === 'fulfilled') return result.value
        // runOne handles every error itself; this only guards against a bug there.
        const integration = integrations[index]
        const id = integration?.id ?? 'unknown'
        const displayName = integration?.displayName ?? id
        return {
          id,
          displayName,
          durationMs: 0,
          breaker: breakers.get(id)?.state ?? 'closed',
          status: 'failed',
          reason: 'error',
          message: unableToFetch(displayName, 'unexpected error'),
          errorKind: 'internal',
          nextAttemptAt: null,
          detail: toScannerError(result.reason).message,
        }
      })
    },
    updateSettings,
    status: () => store.snapshots(),
    onChange: (listener) => store.onChange(listener),
    retryNow(id) {
      return breakers.get(id)?.retryNow() ?? false
    },
    recordReport(outcomes) {
      // Only a source that should have been in the report can be missing from it.
      for (const outcome of outcomes)
        if (outcome.status !== 'not-configured') store.recordReport(outcome.id, outcome.status === 'ok')
    },
    async testConnection(id, testOptions = {}) {
      const found = integrations.find((candidate) => candidate.id === id)
      if (!found) return { ok: false, message: `There is no integration called "${id}".` }
      const integration: Integration<unknown> = found
      if (closed) return { ok: false, message: `${integration.displayName}: the integration runtime was closed.` }
      return runConnectionTest(integration, {
        settings,
        dispatcher,
        logger,
        now,
        unifi: testOptions.unifi ?? null,
        signal: testOptions.signal,
        inFlight: tests,
      })
    },
    async close() {
      if (closed) return
      closed = true
      for (const controller of tests) controller.abort(new AbortedError('The integration runtime was closed.'))
      for (const breaker of breakers.values()) breaker.shutdown()
      if (ownsDispatcher) await dispatcher.destroy()
    },
  }
}

/** The integration's notes on addresses; a bug there costs the notes, never the section. */
function addressNotesOf(
  integration: Integration<unknown>,
  data: unknown,
  logger: Logger,
): { addressNotes?: AddressNote[] } {
  if (!integration.addressNotes) return {}
  try {
    return { addressNotes: integration.addressNotes(data) }
  } catch (error) {
    logger.error(`${integration.displayName}: could not build the address notes.`, {
      integration: integration.id,
      error: toScannerError(error).message,
    })
    return {}
  }
}

/**
 * One run-scoped signal that every integration's call listens to. It is ours, so it may carry one listener per
 * integration without Node's "possible EventTarget memory leak" warning; the caller's signal gets one listener.
 */
function linkRunSignal(parent: AbortSignal | undefined, integrationCount: number) {
  if (!parent) return { signal: undefined, dispose: () => undefined }
  const controller = new AbortController()
  setMaxListeners(Math.max(10, integrationCount + 5), controller.signal)
  const forward = (): void => controller.abort(parent.reason)
  if (parent.aborted) forward()
  else parent.addEventListener('abort', forward, { once: true })
  return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', forward) }
}
