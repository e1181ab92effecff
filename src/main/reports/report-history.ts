import { access, rm } from 'node:fs/promises'
import { ConfigError } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import { readHistory, updateHistory, type HistoryEntry } from '../../core/report/files/history.js'
import type { ReportHistory, ReportHistoryEntry } from '../../shared/ipc/payloads.js'
import { reportPathInside } from './report-paths.js'

/** How main shows a file; Electron's `shell` in the app, a recorder in tests. */
export interface FileOpener {
  openPath(file: string): Promise<string>
  showItemInFolder(file: string): void
}

export interface ReportHistoryOptions {
  dataDir: string
  reportsDir: () => string
  opener: FileOpener
  logger: Logger
  now: () => number
}

/** The history list behind the Reports screen: ids in, paths resolved and validated here, never by the renderer. */
export class ReportHistoryService {
  constructor(private readonly options: ReportHistoryOptions) {}

  async list(): Promise<ReportHistory> {
    const history = await readHistory(this.location(), this.options.logger, this.options.now())
    const entries: ReportHistoryEntry[] = []
    for (const entry of history.entries) entries.push(await this.toView(entry))
    return { entries, warning: history.warning }
  }

  async open(id: string, format?: 'html' | 'text'): Promise<null> {
    const entry = await this.find(id)
    const file = format ? entry.files[format] : (entry.files.html ?? entry.files.text)
    if (!file) throw new ConfigError(`That report has no ${format ?? 'HTML or text'} file.`)
    const safe = await reportPathInside(this.options.reportsDir(), file)
    const problem = await this.options.opener.openPath(safe)
    if (problem) throw new ConfigError(`The report could not be opened: ${problem}`)
    return null
  }

  async reveal(id: string): Promise<null> {
    const entry = await this.find(id)
    const file = entry.files.html ?? entry.files.text
    if (!file) throw new ConfigError('That report has no files left to show.')
    this.options.opener.showItemInFolder(await reportPathInside(this.options.reportsDir(), file))
    return null
  }

  async remove(id: string): Promise<ReportHistory> {
    const entry = await this.find(id)
    for (const file of [entry.files.html, entry.files.text]) {
      if (!file) continue
      const safe = await reportPathInside(this.options.reportsDir(), file).catch((error: unknown) => {
        if (error instanceof ConfigError && error.code === 'REPORT_MISSING') return null
        throw error
      })
      if (safe) await rm(safe, { force: true })
    }
    // Under the index lock, so a report finishing meanwhile is not lost.
    await updateHistory(this.location(), this.options.logger, this.options.now(), (entries) =>
      entries.filter((candidate) => candidate.id !== id),
    )
    this.options.logger.info('report deleted', { id })
    return this.list()
  }

  private location() {
    return { dataDir: this.options.dataDir, reportsDir: this.options.reportsDir() }
  }

  private async find(id: string): Promise<HistoryEntry> {
    const history = await readHistory(this.location(), this.options.logger, this.options.now())
    const entry = history.entries.find((candidate) => candidate.id === id)
    if (!entry) throw new ConfigError('That report is no longer in the history.', undefined, { code: 'REPORT_UNKNOWN' })
    return entry
  }

  private async toView(entry: HistoryEntry): Promise<ReportHistoryEntry> {
    const { files, ...rest } = entry
    const formats: Array<'html' | 'text'> = []
    if (files.html && (await exists(files.html))) formats.push('html')
    if (files.text && (await exists(files.text))) formats.push('text')
    return { ...rest, formats }
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}
