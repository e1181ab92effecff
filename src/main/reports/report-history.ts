import { access, readFile, rm, stat } from 'node:fs/promises'
import { ConfigError } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import type { SessionFolders } from '../../core/pipeline/report-session.js'
import { readHistory, updateHistory, type HistoryEntry } from '../../core/report/files/history.js'
import {
  REPORT_VIEW_MAX_CHARS,
  type ReportHistory,
  type ReportHistoryEntry,
  type ReportView,
} from '../../shared/ipc/payloads.js'
import { reportPathInside } from './report-paths.js'
import { exportInventory, markKnown, readInventory, readTrends, type InsightShelf } from './insights.js'
import type { ClientInventory, Trends, TrendsRequest } from '../../shared/ipc/insights.js'

/** How main shows a file; Electron's `shell` in the app, a recorder in tests. */
export interface FileOpener {
  openPath(file: string): Promise<string>
  showItemInFolder(file: string): void
}

export interface ReportHistoryOptions {
  dataDir: string
  reportsDir: () => string
  /** The demo's own folders: its history is listed beside the real one, never merged into it. */
  demo?: SessionFolders
  opener: FileOpener
  logger: Logger
  now: () => number
}

/** One history index and the folder its reports must lie in. */
interface Shelf {
  dataDir: string
  reportsDir: string
}

/**
 * The history list behind the Reports screen: ids in, paths resolved and validated here, never by the renderer.
 * Real reports and demo reports keep separate indexes (so a demo never moves the real window or history);
 * the list shows both, newest first, and each entry is opened, shown or deleted within its own folders.
 */
export class ReportHistoryService {
  constructor(private readonly options: ReportHistoryOptions) {}

  async list(): Promise<ReportHistory> {
    const entries: Array<{ entry: ReportHistoryEntry; atMs: number }> = []
    const warnings: string[] = []
    for (const shelf of this.shelves()) {
      const history = await readHistory(shelf, this.options.logger, this.options.now())
      if (history.warning) warnings.push(history.warning)
      // A pruned entry has no files left to open; it stays in the index only for the trends.
      for (const entry of history.entries)
        if (!entry.pruned) entries.push({ entry: await this.toView(entry), atMs: Date.parse(entry.generatedAt) })
    }
    // A stable sort: within one index the order it keeps (newest first) stands.
    entries.sort((a, b) => (Number.isNaN(b.atMs) ? 0 : b.atMs) - (Number.isNaN(a.atMs) ? 0 : a.atMs))
    return { entries: entries.map((item) => item.entry), warning: warnings.length > 0 ? warnings.join(' ') : null }
  }

  async open(id: string, format?: 'html' | 'text'): Promise<null> {
    const { entry, shelf } = await this.find(id)
    const file = format ? entry.files[format] : (entry.files.html ?? entry.files.text)
    if (!file) throw new ConfigError(`That report has no ${format ?? 'HTML or text'} file.`)
    const safe = await reportPathInside(shelf.reportsDir, file)
    const problem = await this.options.opener.openPath(safe)
    if (problem) throw new ConfigError(`The report could not be opened: ${problem}`)
    return null
  }

  /**
   * The report's own file for the in-app viewer: the HTML when it is still there, else the text. A file too
   * large for the viewer is refused with a way out (the browser has no such limit).
   */
  async view(id: string): Promise<ReportView> {
    const { entry, shelf } = await this.find(id)
    const format = entry.files.html && (await exists(entry.files.html)) ? 'html' : 'text'
    const file = entry.files[format]
    if (!file) throw new ConfigError('That report has no files left to show.', undefined, { code: 'REPORT_MISSING' })
    const safe = await reportPathInside(shelf.reportsDir, file)
    // UTF-8 never takes fewer bytes than characters, so a file within the limit in bytes fits as text.
    if ((await stat(safe)).size > REPORT_VIEW_MAX_CHARS) {
      throw new ConfigError(
        `That report is larger than ${REPORT_VIEW_MAX_CHARS / 1024 / 1024} MB, too large for the app's viewer; ` +
          'use "Open in browser".',
        undefined,
        { code: 'REPORT_TOO_LARGE' },
      )
    }
    const content = await readFile(safe, 'utf8')
    return { id, format, content, generatedAt: entry.generatedAt, demo: entry.demo === true }
  }

  async reveal(id: string): Promise<null> {
    const { entry, shelf } = await this.find(id)
    const file = entry.files.html ?? entry.files.text
    if (!file) throw new ConfigError('That report has no files left to show.')
    this.options.opener.showItemInFolder(await reportPathInside(shelf.reportsDir, file))
    return null
  }

  async remove(id: string): Promise<ReportHistory> {
    const { entry, shelf } = await this.find(id)
    for (const file of [entry.files.html, entry.files.text]) {
      if (!file) continue
      const safe = await reportPathInside(shelf.reportsDir, file).catch((error: unknown) => {
        if (error instanceof ConfigError && error.code === 'REPORT_MISSING') return null
        throw error
      })
      if (safe) await rm(safe, { force: true })
    }
    // Under the index lock, so a report finishing meanwhile is not lost.
    await updateHistory(shelf, this.options.logger, this.options.now(), (entries) =>
      entries.filter((candidate) => candidate.id !== id),
    )
    this.options.logger.info('report deleted', { id })
    return this.list()
  }

  /** Trends per site over the last `days` days, from both histories. */
  trends(days: TrendsRequest['days']): Promise<Trends> {
    return readTrends(this.insightShelves(), days, this.options.logger, this.options.now())
  }

  clients(): Promise<ClientInventory> {
    return readInventory(this.insightShelves(), this.options.logger, this.options.now())
  }

  markKnown(mac: string, name?: string): Promise<ClientInventory> {
    return markKnown(this.insightShelves(), { mac, name }, this.options.logger, new Date(this.options.now()))
  }

  /** Writes the inventory as CSV in the reports folder and shows it there. */
  async exportClients(timezone: string): Promise<{ path: string; clients: number }> {
    const written = await exportInventory(this.insightShelves(), this.options.logger, this.options.now(), timezone)
    this.options.opener.showItemInFolder(written.path)
    return written
  }

  private insightShelves(): InsightShelf[] {
    const [real, demo] = this.shelves()
    return [
      ...(real ? [{ ...real, demo: false }] : []),
      ...(demo ? [{ dataDir: demo.dataDir, reportsDir: demo.reportsDir, demo: true }] : []),
    ]
  }

  private shelves(): Shelf[] {
    const real = { dataDir: this.options.dataDir, reportsDir: this.options.reportsDir() }
    return this.options.demo ? [real, this.options.demo] : [real]
  }

  private async find(id: string): Promise<{ entry: HistoryEntry; shelf: Shelf }> {
    for (const shelf of this.shelves()) {
      const history = await readHistory(shelf, this.options.logger, this.options.now())
      const entry = history.entries.find((candidate) => candidate.id === id)
      if (entry) return { entry, shelf }
    }
    throw new ConfigError('That report is no longer in the history.', undefined, { code: 'REPORT_UNKNOWN' })
  }

  private async toView(entry: HistoryEntry): Promise<ReportHistoryEntry> {
    const { files, changes, ...rest } = entry
    const formats: Array<'html' | 'text'> = []
    if (files.html && (await exists(files.html))) formats.push('html')
    if (files.text && (await exists(files.text))) formats.push('text')
    return {
      ...rest,
      formats,
      ...(changes
        ? {
            changes: {
              baseline: changes.baseline,
              new: changes.new,
              resolved: changes.resolved,
              newClients: changes.newClients,
            },
          }
        : {}),
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}
