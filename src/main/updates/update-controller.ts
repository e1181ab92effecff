/**
 * Updates, notify then consent: a found version is announced (notification, tray, window) and downloaded and
 * installed only after the admin chose "Install and restart"; "Later" hides the offer until the next check.
 * Checks run at start and daily; a failed check is logged and otherwise quiet. Electron-free: the updater is
 * electron-updater's `autoUpdater` in the app and a scripted emitter in tests.
 */
import type { Logger } from '../../core/logger.js'
import type { UpdateStatus } from '../../shared/ipc/payloads.js'

/** The part of electron-updater's AppUpdater this uses (its events and methods, as it declares them). */
export interface UpdaterPort {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  on(event: 'checking-for-update', listener: () => void): unknown
  on(event: 'update-available', listener: (info: UpdateInfoLike) => void): unknown
  on(event: 'update-not-available', listener: (info: UpdateInfoLike) => void): unknown
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown
  on(event: 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  checkForUpdates(): Promise<unknown>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
}

export interface UpdateInfoLike {
  version: string
  releaseNotes?: string | Array<{ version: string; note: string | null }> | null
  releaseName?: string | null
}

export interface UpdateTimers {
  setTimeout(run: () => void, ms: number): unknown
  setInterval(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface UpdateControllerDeps {
  /** Null when updates are off (an unpackaged build): the controller then only reports `disabled`. */
  updater: UpdaterPort | null
  logger: Logger
  /** A desktop notification; its click opens the window where the offer is shown. */
  notify: (title: string, body: string) => void
  onChange?: (status: UpdateStatus) => void
  timers?: UpdateTimers
  now?: () => number
  /** First check this long after start, so it does not compete with start-up. */
  firstCheckDelayMs?: number
  checkIntervalMs?: number
}

const DAY_MS = 24 * 60 * 60 * 1000
const NOTES_MAX = 4000

const realTimers: UpdateTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/** Release notes as plain text: GitHub hands them over as HTML, and the window and tray only ever show text. */
export function releaseNotesText(notes: UpdateInfoLike['releaseNotes']): string | null {
  if (notes === null || notes === undefined) return null
  const joined = typeof notes === 'string' ? notes : notes.map((entry) => entry.note ?? '').join('\n\n')
  const text = joined
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|li|h[1-6]|div)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (text === '') return null
  return text.length > NOTES_MAX ? `${text.slice(0, NOTES_MAX)}…` : text
}

export class UpdateController {
  private status: UpdateStatus
  private readonly timers: UpdateTimers
  private readonly handles: unknown[] = []
  private readonly listeners = new Set<(status: UpdateStatus) => void>()
  private manualCheck = false
  /** The offer shown when a re-check started, restored if that check fails. */
  private offerBeforeCheck: UpdateStatus | null = null

  constructor(private readonly deps: UpdateControllerDeps) {
    this.timers = deps.timers ?? realTimers
    this.status = deps.updater
      ? { state: 'idle', version: null, releaseNotes: null, percent: null, dismissed: false, lastCheckedAt: null }
      : { state: 'disabled', version: null, releaseNotes: null, percent: null, dismissed: false, lastCheckedAt: null }
    const updater = deps.updater
    if (!updater) return
    // Never a silent download or install: both wait for the admin's consent.
    updater.autoDownload = false
    updater.autoInstallOnAppQuit = false
    updater.on('checking-for-update', () => this.set({ state: 'checking' }))
    updater.on('update-not-available', () => this.set({ state: 'idle', lastCheckedAt: this.now() }))
    updater.on('update-available', (info) => this.available(info))
    updater.on('download-progress', (progress) =>
      this.set({ state: 'downloading', percent: Math.max(0, Math.min(100, progress.percent)) }),
    )
    updater.on('update-downloaded', (info) => {
      this.set({ state: 'installing', version: info.version, percent: 100 })
      this.deps.logger.info('update downloaded, restarting to install', { version: info.version })
      updater.quitAndInstall(false, true)
    })
    updater.on('error', (error) => this.failed(error))
  }

  get(): UpdateStatus {
    return this.status
  }

  /** The tray redraws on every change; the window gets `update:changed` pushes through `onChange`. */
  subscribe(listener: (status: UpdateStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get enabled(): boolean {
    return this.deps.updater !== null
  }

  /** Check shortly after start, then daily. */
  start(): void {
    if (!this.deps.updater) return
    this.handles.push(this.timers.setTimeout(() => this.check(), this.deps.firstCheckDelayMs ?? 10_000))
    this.handles.push(this.timers.setInterval(() => this.check(), this.deps.checkIntervalMs ?? DAY_MS))
  }

  stop(): void {
    for (const handle of this.handles.splice(0)) this.timers.clear(handle)
  }

  /** A check (timer or the tray's "Check for updates"); one at a time, none once an install is under way. */
  check(manual = false): void {
    const updater = this.deps.updater
    if (!updater || this.busy()) return
    this.manualCheck = manual
    this.offerBeforeCheck = this.status.state === 'available' ? this.status : null
    this.set({ state: 'checking' })
    updater.checkForUpdates().catch((error: unknown) => this.failed(error))
  }

  /** Consent: download the offered version, then restart into it. */
  install(): UpdateStatus {
    const updater = this.deps.updater
    if (!updater || this.status.state !== 'available' || this.status.version === null) return this.status
    this.deps.logger.info('update accepted', { version: this.status.version })
    this.set({ state: 'downloading', percent: 0, dismissed: false })
    updater.downloadUpdate().catch((error: unknown) => this.failed(error))
    return this.status
  }

  /** "Later": the offer goes away until a later check finds it again. */
  later(): UpdateStatus {
    if (this.status.state === 'available') {
      this.deps.logger.info('update postponed', { version: this.status.version })
      this.set({ dismissed: true })
    }
    return this.status
  }

  private busy(): boolean {
    return this.status.state === 'checking' || this.status.state === 'downloading' || this.status.state === 'installing'
  }

  private available(info: UpdateInfoLike): void {
    const previous = this.status.state === 'available' ? this.status : this.offerBeforeCheck
    this.offerBeforeCheck = null
    const known = previous !== null && previous.version === info.version
    const dismissed = known && previous.dismissed && !this.manualCheck
    this.set({
      state: 'available',
      version: info.version,
      releaseNotes: releaseNotesText(info.releaseNotes),
      percent: null,
      dismissed,
      lastCheckedAt: this.now(),
    })
    this.deps.logger.info('update available', { version: info.version })
    if (!known || this.manualCheck)
      this.deps.notify('Update available', `Version ${info.version} is available. Open UniFi Scanner to install it.`)
    this.manualCheck = false
  }

  private failed(error: unknown): void {
    // electron-updater both emits 'error' and rejects the call: the second report of one failure is dropped.
    if (!this.busy()) return
    const wasDownloading = this.status.state === 'downloading' || this.status.state === 'installing'
    this.deps.logger.warn(wasDownloading ? 'update download failed' : 'update check failed', {
      reason: error instanceof Error ? error.message : String(error),
    })
    this.manualCheck = false
    // Quiet: back to where the admin can try again; a failed download keeps the offer.
    const offer = this.offerBeforeCheck
    this.offerBeforeCheck = null
    if (wasDownloading && this.status.version !== null) this.set({ state: 'available', percent: null })
    else if (offer) this.set({ ...offer })
    else this.set({ state: 'idle', version: null, releaseNotes: null, percent: null, dismissed: false })
  }

  private set(patch: Partial<UpdateStatus>): void {
    this.status = { ...this.status, ...patch }
    this.deps.onChange?.(this.status)
    for (const listener of this.listeners) listener(this.status)
  }

  private now(): number {
    return (this.deps.now ?? Date.now)()
  }
}
