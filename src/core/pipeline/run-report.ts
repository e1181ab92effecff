/**
 * One report run: UniFi collection and the integrations start at the same moment, the report waits for
 * both, then analyses, renders, writes, and records state and history. A failing integration never fails
 * the run; a UniFi failure still yields a report explaining it. Cancelling leaves no files behind and the
 * state untouched.
 */
import { randomUUID } from 'node:crypto'
import { analyse } from '../analysis/analyse.js'
import { AbortedError, toScannerError } from '../errors.js'
import { ExitCode, type ExitCodeValue } from '../exit-codes.js'
import { tightenPermissions } from '../files/private-files.js'
import type { IntegrationOutcome } from '../integrations/contract.js'
import { buildReportModel } from '../report/build-model.js'
import { appendHistory, historyEntrySchema } from '../report/files/history.js'
import { scrubKnownSecrets } from '../report/scrub-secrets.js'
import { REPORT_FILE_PATTERN, writeReportFiles, type WrittenReportFiles } from '../report/files/report-files.js'
import { applyRetention } from '../report/files/retention.js'
import { readRunState, writeRunState } from '../report/files/run-state.js'
import { resolveWindow } from '../report/files/window.js'
import type { UnifiResult } from '../report/input.js'
import type { ReportModel } from '../report/model.js'
import { toZonedIso } from '../time.js'
import { collectionCoverage, CORE_SOURCES, type Coverage } from '../unifi/coverage.js'
import type { UnifiCollection } from '../unifi/model.js'
import { failedCoverage, SOURCE_LABEL } from '../report/views/coverage.js'
import type { PipelineDeps, RunReportOptions } from './deps.js'
import { classifyUnifiError } from './failure.js'
import { integrationSections } from './integration-sections.js'
import type { RunOutcome } from './outcome.js'
import { progressReporter } from './progress.js'
import { renderReport } from './render-report.js'
import { runSecrets } from './run-secrets.js'
import { scrubSecrets } from '../upstream-text.js'
import { buildHistoryEntry } from './history-entry.js'
import { postureJson, runPosture, type RunPosture } from './posture.js'
import { changesJson, runChanges, type RunChanges } from './changes.js'
import { readRunHistory } from './site-history.js'
import { recordClients, runClients, type RunClients } from './clients.js'
import { currentTrendPoint, runTrends } from './trends.js'
import { buildTrendsView } from '../report/views/trends.js'

/** Our files in the data folder (which in the app is Electron's userData, tightened at start). */
const OWN_DATA_FILES = /^(?:history|history-archive|state|clients|known-clients)\.json(?:\.corrupt-\d+)?$/

const cancelled = () => new AbortedError('The report run was cancelled; no report was written.')

export async function runReport(deps: PipelineDeps, options: RunReportOptions = {}): Promise<RunOutcome> {
  const now = deps.now ?? Date.now
  const clock = deps.clock ?? (() => performance.now())
  const started = clock()
  const { settings, logger } = deps
  const timezone = settings.report.timezone
  const signal = options.signal ?? new AbortController().signal
  const progress = progressReporter(options.onProgress)
  const warnings: string[] = []
  if (signal.aborted) throw cancelled()

  progress('preparing', 0, 'preparing')
  await tightenPermissions(
    [
      { dir: deps.dataDir, only: OWN_DATA_FILES },
      { dir: deps.reportsDir, only: REPORT_FILE_PATTERN },
    ],
    logger,
  )
  const nowMs = now()
  const state = await readRunState(deps.dataDir, logger, nowMs)
  if (state.warning) warnings.push(state.warning)
  const runNotes: string[] = []
  const window = resolveWindow({
    nowMs,
    lastSuccessMs: state.lastSuccessMs,
    lookbackHours: settings.report.lookbackHours,
    requested: options.window,
  })
  warnings.push(...window.notes)
  if (state.lastIncomplete !== null && (window.basis === 'since-last-report' || window.basis === 'first-run')) {
    // The checkpoint stayed put after an incomplete run: say that this report covers that period again.
    runNotes.push(
      `The previous report (${toZonedIso(state.lastIncomplete.atMs, timezone)}) was incomplete ` +
        `(could not check ${state.lastIncomplete.sources.join(', ')}); this report covers its period again.`,
    )
  }
  logger.info('report_run_starting', { basis: window.basis, since: window.period.since, until: window.period.until })

  // Both start in the same tick: the integrations never wait for the controller.
  progress('collecting', 5, 'collecting data')
  let unifiMs = 0
  let integrationsMs = 0
  const unifiTask = (async () => {
    try {
      return await deps.unifi.collect(window.query, signal, (step) =>
        progress('collecting', 5 + step.percent * 0.6, step.step),
      )
    } finally {
      unifiMs = clock() - started
    }
  })()
  const access = deps.unifi.runAccess(window.query)
  const integrationTask = (async () => {
    try {
      return await deps.integrations.run({
        window: window.query,
        signal,
        unifi: access,
        settings,
        dataDir: deps.dataDir,
      })
    } finally {
      integrationsMs = clock() - started
    }
  })()
  const [unifiSettled, integrationsSettled] = await Promise.allSettled([unifiTask, integrationTask])
  if (signal.aborted) throw cancelled()

  const outcomes: IntegrationOutcome[] = integrationsSettled.status === 'fulfilled' ? integrationsSettled.value : []
  if (integrationsSettled.status === 'rejected') {
    const error = toScannerError(integrationsSettled.reason)
    logger.error('integrations_run_failed', { kind: error.kind, message: error.message })
    warnings.push(`Integrations could not run: ${error.message}`)
  }

  progress('analysing', 70, 'analysing')
  const unifi = analyseOrExplain(deps, unifiSettled)
  const demo = options.demo ?? false
  // One read of the history serves every comparison with the previous report of the site.
  const history = unifi.ok
    ? await readRunHistory({ dataDir: deps.dataDir, reportsDir: deps.reportsDir, logger, nowMs: now() })
    : { entries: [], archived: [], warning: null }
  if (history.warning) warnings.push(history.warning)
  const posture = runPosture(unifi, { entries: history.entries, demo })
  const generatedAtMs = now()
  const changes = runChanges(unifi, unifi.ok ? collectionCoverage(unifi.collection) : failedCoverage(unifi.error), {
    entries: history.entries,
    demo,
    generatedAt: toZonedIso(generatedAtMs, timezone),
  })
  const clients = await runClients(unifi, {
    dataDir: deps.dataDir,
    logger,
    nowMs: generatedAtMs,
    generatedAt: toZonedIso(generatedAtMs, timezone),
    warnings,
  })
  const newClients = clients?.changes.newClients.length ?? 0
  const secrets = runSecrets(settings)
  // The run's own secrets never reach a file, whatever an upstream echoed into a message.
  const model = scrubSecrets(
    buildReportModel({
      title: options.title,
      timezone,
      generatedAtMs,
      period: window.period,
      appVersion: deps.appVersion,
      demo: options.demo ?? false,
      unifi,
      integrations: integrationSections(outcomes, timezone, deps.describeOutcome),
      runNotes,
      addressNotes: outcomes.flatMap((outcome) => (outcome.status === 'ok' ? (outcome.addressNotes ?? []) : [])),
      posture: posture === null ? null : { assessment: posture.assessment, drift: posture.drift },
      changes: changes?.findings ?? null,
      clients: clients?.changes ?? null,
    }),
    secrets,
  )
  const coverage = unifi.ok ? collectionCoverage(unifi.collection) : failedCoverage(unifi.error)
  const complete = model.complete
  if (unifi.ok) {
    // The trends compare the numbers the summary settled on, so they are added once the model has them.
    const current = currentTrendPoint(model, unifi, posture, generatedAtMs, timezone)
    const trends = runTrends(current, {
      entries: history.entries,
      archived: history.archived,
      site: unifi.collection.site.name,
      demo,
    })
    model.trends = buildTrendsView(trends.trends, trends.points, timezone)
  }

  progress('rendering', 80, 'rendering report')
  const format = options.format ?? settings.report.format
  const rendered = renderReport(model, format, deps.renderers)
  for (const failure of rendered.failures) {
    warnings.push(failure)
    logger.error('report_render_failed', { message: failure })
  }
  // The model is scrubbed already; the rendered files are scrubbed again for the escaped forms of a secret.
  const scrubRendered = (text: string | null): string | null =>
    text === null ? null : scrubKnownSecrets(text, secrets)
  const content = { html: scrubRendered(rendered.html), text: scrubRendered(rendered.text) }
  if (signal.aborted) throw cancelled()

  progress('writing', 90, 'writing report')
  let files: WrittenReportFiles = { html: null, text: null }
  let writeFailed = content.html === null && content.text === null
  if (!writeFailed) {
    try {
      files = await writeReportFiles({ dir: deps.reportsDir, generatedAtMs, timezone, content, signal })
    } catch (error) {
      const failure = toScannerError(error)
      if (failure.kind === 'aborted') throw failure
      writeFailed = true
      warnings.push(failure.message)
      logger.error('report_write_failed', { kind: failure.kind, message: failure.message })
    }
  }

  if (!writeFailed) {
    deps.integrations.recordReport?.(outcomes)
    options.onWritten?.({
      model,
      coverage,
      files,
      text: content.text,
      timezone,
      postureScore: postureScoreText(posture),
    })
    await recordRun({
      deps,
      unifi,
      model,
      coverage,
      files,
      generatedAtMs,
      outcomes,
      warnings,
      window: window.period,
      previousSuccessMs: state.lastSuccessMs,
      posture,
      changes,
      clients,
    })
  }

  const exitCode: ExitCodeValue = !unifi.ok
    ? ExitCode[unifi.error.class]
    : writeFailed
      ? ExitCode.other
      : complete
        ? ExitCode.ok
        : ExitCode.incomplete
  const outcome: RunOutcome = {
    ok: unifi.ok && !writeFailed && complete,
    exitCode,
    complete,
    coverage,
    generatedAt: toZonedIso(generatedAtMs, timezone),
    report: {
      html: files.html,
      text: files.text,
      findings: {
        severe: model.summary.counts.severe,
        medium: model.summary.counts.medium,
        low: model.summary.counts.low,
      },
      threats: model.summary.threatEvents ?? 0,
      unhealthyDevices: model.summary.unhealthyDevices ?? 0,
    },
    window: { since: toZonedIso(window.period.since, timezone), until: toZonedIso(window.period.until, timezone) },
    unifi: unifiSummary(unifi),
    integrations: outcomes,
    posture: postureJson(posture),
    changes: changesJson(changes, newClients),
    timing: { totalMs: clock() - started, unifiMs, integrationsMs },
    warnings,
  }
  // Messages in the outcome travel to the CLI's JSON, the tray and IPC.
  Object.assign(outcome, scrubSecrets({ ...outcome, integrations: outcome.integrations }, secrets))
  progress(
    'done',
    100,
    outcome.ok
      ? 'report written'
      : unifi.ok && !writeFailed
        ? 'incomplete report written'
        : 'report finished with problems',
  )
  logger.info('report_run_finished', {
    ok: outcome.ok,
    exitCode,
    html: files.html,
    text: files.text,
    totalMs: Math.round(outcome.timing.totalMs),
  })
  return outcome
}

function analyseOrExplain(deps: PipelineDeps, settled: PromiseSettledResult<UnifiCollection>): UnifiResult {
  if (settled.status === 'fulfilled') {
    const collection = settled.value
    return {
      ok: true,
      collection,
      analysis: (deps.analyse ?? analyse)(collection, { thresholds: deps.settings.thresholds, now: deps.now }),
    }
  }
  const error = classifyUnifiError(settled.reason)
  deps.logger.warn('unifi_collection_failed', { class: error.class, kind: error.kind, code: error.code })
  return { ok: false, error, controller: null, site: null, configuredUrl: deps.settings.unifi.url ?? null }
}

function unifiSummary(unifi: UnifiResult): RunOutcome['unifi'] {
  if (!unifi.ok) {
    return {
      ok: false,
      controller: null,
      version: null,
      site: null,
      sources: { events: 'none', alarms: 'none', threats: [] },
      error: unifi.error,
    }
  }
  const { controller, site, sources } = unifi.collection
  return {
    ok: true,
    controller: controller.kind,
    version: controller.version,
    site: site.name,
    sources: { events: sources.events, alarms: sources.alarms, threats: [...sources.threats] },
    error: null,
  }
}

/**
 * After the files are in place: advance the checkpoint (only when UniFi data was read), add the history
 * entry, apply retention. Problems here become warnings — the report itself is already written.
 */
async function recordRun(args: {
  deps: PipelineDeps
  unifi: UnifiResult
  model: ReportModel
  coverage: Coverage
  files: WrittenReportFiles
  generatedAtMs: number
  outcomes: IntegrationOutcome[]
  warnings: string[]
  window: { since: number; until: number }
  previousSuccessMs: number | null
  posture: RunPosture | null
  changes: RunChanges | null
  clients: RunClients | null
}): Promise<void> {
  const { deps, unifi, model, files, warnings } = args
  const { settings, logger } = deps
  const timezone = settings.report.timezone
  const attempt = async (what: string, task: () => Promise<unknown>) => {
    try {
      await task()
    } catch (error) {
      const failure = toScannerError(error)
      warnings.push(`Could not update the ${what}: ${failure.message}`)
      logger.error('report_bookkeeping_failed', { what, message: failure.message })
    }
  }
  if (unifi.ok && model.complete) {
    await attempt('run state', () =>
      writeRunState(deps.dataDir, {
        lastSuccessMs: args.window.until,
        timezone,
        reportCount: model.summary.counts.total,
        lastIncomplete: null,
      }),
    )
  } else if (unifi.ok) {
    // The checkpoint stays where it was, so the next run covers this period again; it only learns why.
    const missing = CORE_SOURCES.filter((source) => args.coverage[source].state === 'unavailable')
    await attempt('run state', () =>
      writeRunState(deps.dataDir, {
        lastSuccessMs: args.previousSuccessMs,
        timezone,
        reportCount: model.summary.counts.total,
        lastIncomplete: { atMs: args.generatedAtMs, sources: missing.map((source) => SOURCE_LABEL[source]) },
      }),
    )
  }
  await attempt('report history', async () => {
    const built = buildHistoryEntry({
      id: randomUUID(),
      model,
      unifi,
      outcomes: args.outcomes,
      coverage: args.coverage,
      files,
      timezone,
      window: args.window,
      posture: args.posture === null ? null : { site: args.posture.site, ...args.posture.snapshot },
      changes:
        args.changes === null
          ? null
          : { findings: args.changes.findings, newClients: args.clients?.changes.newClients.length ?? 0 },
    })
    const entry = historyEntrySchema.parse(JSON.parse(scrubKnownSecrets(JSON.stringify(built), runSecrets(settings))))
    const history = await appendHistory(
      { dataDir: deps.dataDir, reportsDir: deps.reportsDir },
      entry,
      logger,
      args.generatedAtMs,
    )
    if (history.warning) warnings.push(history.warning)
  })
  const clients = args.clients
  if (clients !== null)
    await attempt('client inventory', () =>
      recordClients(clients, { dataDir: deps.dataDir, logger, nowMs: args.generatedAtMs }),
    )
  await attempt('reports folder (retention)', () =>
    applyRetention({
      dir: deps.reportsDir,
      retentionDays: settings.report.retentionDays,
      nowMs: args.generatedAtMs,
      timezone,
      logger,
      keep: [files.html, files.text].filter((path): path is string => path !== null),
    }),
  )
}

/** The score line a delivery carries: "71 / 100 (C-)"; null when the posture was not assessed or not scored. */
function postureScoreText(posture: RunPosture | null): string | null {
  const score = posture?.assessment.score
  if (score === undefined || score.score === null) return null
  return score.grade === null ? `${score.score} / 100` : `${score.score} / 100 (${score.grade})`
}
