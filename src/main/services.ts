import { integrations as registeredIntegrations } from '../core/integrations/registry.js'
import type { AnyIntegration } from '../core/integrations/contract.js'
import type { Logger } from '../core/logger.js'
import type { AppInfo, ReportSummary } from '../shared/ipc/payloads.js'
import { DesktopActions, type Dialogs } from './desktop-actions.js'
import { createIpcDispatch, type IpcDispatch } from './ipc/dispatch.js'
import { createIpcHandlers, type IpcHandlers } from './ipc/handlers.js'
import type { Push } from './ipc/push.js'
import { demoFolders } from '../core/pipeline/demo.js'
import { runSecrets } from '../core/pipeline/run-secrets.js'
import { scrubKnownSecrets } from '../core/report/scrub-secrets.js'
import { ReportHistoryService, type FileOpener } from './reports/report-history.js'
import { ReportJob, type ReportJobDeps, type ReportRunner } from './reports/report-job.js'
import { ConsoleContactError } from './reports/engine-runner.js'
import { toPublicFailure } from '../core/errors.js'
import { RuntimeHost } from './runtime/runtime-host.js'
import { TrustedSenders } from './security/trusted-senders.js'
import type { SettingsService } from './settings/settings-service.js'
import { settingsNotices } from './status/notices.js'
import { StatusStore } from './status/status-store.js'
import { UnifiCardState } from './status/unifi-card.js'
import { UpdateController, type UpdateControllerDeps } from './updates/update-controller.js'
import { isUnifiConfigured } from './status/unifi-configured.js'
import { lastRunMs } from '../core/schedule/last-run.js'
import { pendingDeliveriesView } from '../core/delivery/pending-view.js'
import { toScannerError } from '../core/errors.js'
import type { DeliveryStatus } from '../shared/ipc/delivery-payloads.js'
import { shouldNotify } from './schedule/schedule-notice.js'
import { previewSchedule } from './schedule/schedule-preview.js'
import { Scheduler, type ScheduleTimers } from './schedule/scheduler.js'

export interface MainServicesDeps {
  settings: SettingsService
  /**
   * Produces a report. Receives the app's integration runtime so breakers and live cards span runs.
   * Null when the build has no engine wired in.
   */
  runner: ReportRunner | null
  appInfo: () => AppInfo
  /** Delivers pushes to the renderer(s); the app sends to its window, the e2e harness to a browser page. */
  push: Push
  /** The renderer page our windows show; IPC from anything else is refused. */
  pageUrl: string
  logger: Logger
  /** Where `history.json` lives (the app's data folder). */
  dataDir: string
  /** The reports folder for the current settings; opening and deleting stay inside it. */
  reportsDir: () => string
  /** Electron's shell in the app; a recorder in tests. Defaults to refusing (no desktop to open files on). */
  opener?: FileOpener
  /** Electron's dialogs in the app; scripted in tests. Defaults to "cancelled". */
  dialogs?: Dialogs
  demo?: (() => Promise<ReportSummary>) | null
  /** Notifications (the app) after each report. */
  onReportFinished?: ReportJobDeps['onFinished']
  integrations?: readonly AnyIntegration[]
  probePorts?: number[]
  now?: () => number
  /** electron-updater in a packaged app; absent or a null updater: updates are disabled. */
  updates?: Pick<UpdateControllerDeps, 'updater' | 'notify' | 'timers'>
  /** The schedule's timers (tests use fake ones); real timers otherwise. */
  scheduleTimers?: ScheduleTimers
}

export interface MainServices {
  settings: SettingsService
  status: StatusStore
  reports: ReportJob
  runtime: RuntimeHost
  history: ReportHistoryService
  actions: DesktopActions
  handlers: IpcHandlers
  trustedSenders: TrustedSenders
  dispatch: IpcDispatch
  updates: UpdateController
  /** The tray's schedule: next run, pause, powerMonitor's suspend and resume. */
  scheduler: Scheduler
  /** Stops the runtime (breakers, in-flight calls). */
  close(): Promise<void>
}

const NO_OPENER: FileOpener = {
  openPath: () => Promise.resolve('there is no desktop to open files on in this mode'),
  showItemInFolder: () => undefined,
}
const NO_DIALOGS: Dialogs = { chooseFolder: () => Promise.resolve(null), chooseCaFile: () => Promise.resolve(null) }

/**
 * The main process without Electron: settings, runtime host, status, report job, history, IPC handlers and
 * dispatcher wired together. `index.ts` glues it to ipcMain, the tray and the window; tests and the e2e harness
 * use it as it is.
 */
export function createMainServices(deps: MainServicesDeps): MainServices {
  const now = deps.now ?? Date.now
  const { settings, logger } = deps
  // Last line of defence: an upstream that echoes a secret into an error message must not get it to the window.
  const scrub = <T>(value: T): T =>
    JSON.parse(
      scrubKnownSecrets(
        JSON.stringify(value) ?? 'null',
        runSecrets(settings.read(), deps.integrations ?? registeredIntegrations),
      ),
    ) as T
  const push: Push = (channel, payload) => deps.push(channel, scrub(payload))
  const initial = settings.read()
  const unifiCard = new UnifiCardState(initial, now)
  let status: StatusStore | null = null
  const runtime = new RuntimeHost({
    integrations: deps.integrations ?? registeredIntegrations,
    settings: initial,
    logger,
    now,
    onStatus: (card) => status?.updateIntegration(card),
  })
  // The cards come from the runtime at once; the undelivered reports from the pending file, which takes a read.
  const deliveryStatus = (pending: Omit<DeliveryStatus, 'channels'>): DeliveryStatus => ({
    channels: runtime.delivery.cards(settings.read()),
    ...pending,
  })
  let pendingNow: Omit<DeliveryStatus, 'channels'> = { pending: [], pendingTotal: 0, warning: null }
  status = new StatusStore(
    {
      unifiConfigured: isUnifiConfigured(initial),
      reportEngineAvailable: deps.runner !== null,
      progress: null,
      lastReport: null,
      lastError: null,
      unifi: unifiCard.card(),
      integrations: runtime.status(),
      notices: settingsNotices(settings.view()),
      delivery: deliveryStatus(pendingNow),
    },
    now,
  )
  const store = status
  store.subscribe((next) => push('status:changed', next))
  store.subscribeCards((card) => push('integration:changed', card))
  let pendingReads = 0
  const refreshDelivery = async (): Promise<void> => {
    const read = ++pendingReads
    const next = await pendingDeliveriesView(deps.dataDir, settings.read(), logger, now()).catch((error: unknown) => ({
      pending: [],
      pendingTotal: 0,
      warning: `The undelivered reports could not be read (${toScannerError(error).message}).`,
    }))
    // A slower, older read must not overwrite what a newer one found; an unchanged file is not worth a push.
    if (read !== pendingReads || JSON.stringify(next) === JSON.stringify(pendingNow)) return
    pendingNow = next
    store.update({ delivery: deliveryStatus(pendingNow) })
  }
  const refreshStatus = () =>
    store.update({
      unifiConfigured: isUnifiConfigured(settings.read()),
      unifi: unifiCard.card(),
      integrations: runtime.status(),
      notices: settingsNotices(settings.view()),
      delivery: deliveryStatus(pendingNow),
    })
  settings.onChange((next, view) => {
    unifiCard.settingsChanged(next)
    runtime.applySettings(next)
    refreshStatus()
    void refreshDelivery()
    push('settings:changed', view)
  })
  void refreshDelivery()

  const history = new ReportHistoryService({
    dataDir: deps.dataDir,
    reportsDir: deps.reportsDir,
    demo: demoFolders(deps.dataDir),
    opener: deps.opener ?? NO_OPENER,
    logger,
    now,
  })
  const historyChanged = (next: Awaited<ReturnType<ReportHistoryService['list']>>) => push('reports:changed', next)
  const reports = new ReportJob({
    runner: deps.runner,
    settings,
    status: store,
    onFinished: (outcome) => {
      // A report is a contact with the console too: the UniFi card shows how it went.
      if ('summary' in outcome) unifiCard.reported(outcome.summary)
      else if (outcome.error instanceof ConsoleContactError) unifiCard.failed(toPublicFailure(outcome.error), 'report')
      refreshStatus()
      void refreshDelivery()
      void history.list().then(historyChanged, () => undefined)
      // A scheduled run notifies by the schedule's policy and quiet hours; one the admin started, always.
      if (shouldNotify(outcome, settings.read(), now())) deps.onReportFinished?.(outcome)
    },
    context: () => ({
      integrations: runtime.integrationRuntime,
      delivery: runtime.delivery,
      onUnifiExchange: (record) => unifiCard.exchange(record),
    }),
    logger,
    now,
  })
  const actions = new DesktopActions({
    settings,
    runtime,
    unifiCard,
    history,
    dialogs: deps.dialogs ?? NO_DIALOGS,
    logger,
    refreshStatus,
    historyChanged,
    demo: deps.demo ?? null,
    integrations: deps.integrations ?? registeredIntegrations,
    ...(deps.probePorts ? { probePorts: deps.probePorts } : {}),
  })
  const updates = new UpdateController({
    updater: deps.updates?.updater ?? null,
    notify: deps.updates?.notify ?? (() => undefined),
    ...(deps.updates?.timers ? { timers: deps.updates.timers } : {}),
    logger,
    now,
    onChange: (next) => deps.push('update:changed', next),
  })
  const scheduler = new Scheduler({
    settings,
    runReport: () => reports.generate({ trigger: 'schedule' }),
    isRunning: () => reports.isRunning(),
    lastRunMs: () => lastRunMs(deps.dataDir, logger, now()),
    logger,
    now,
    ...(deps.scheduleTimers ? { timers: deps.scheduleTimers } : {}),
    onStatus: (schedule) => store.update({ schedule }),
  })
  void scheduler.start()
  const handlers = createIpcHandlers({
    appInfo: deps.appInfo,
    settings,
    status: store,
    reports,
    actions,
    updates,
    schedule: { preview: (request) => previewSchedule(request, settings.read(), now()) },
  })
  const trustedSenders = new TrustedSenders(deps.pageUrl)
  const unscrubbed = createIpcDispatch(handlers, {
    isTrustedSender: (sender) => trustedSenders.isTrusted(sender),
    logger,
  })
  const dispatch: IpcDispatch = async (channel, sender, payload) => scrub(await unscrubbed(channel, sender, payload))
  return {
    settings,
    status: store,
    reports,
    runtime,
    history,
    actions,
    handlers,
    trustedSenders,
    dispatch,
    updates,
    scheduler,
    close: () => {
      scheduler.stop()
      updates.stop()
      return runtime.close()
    },
  }
}
