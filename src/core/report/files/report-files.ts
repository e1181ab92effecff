/**
 * Report file names and writing: `unifi-report-YYYY-MM-DD-HHmmss.html|txt`, stamped in the report timezone,
 * with `-2`, `-3`, … when a name is taken. The HTML and text files of one run share one base name.
 */
import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { AbortedError } from '../../errors.js'
import { fileStamp } from '../../time.js'
import { FileWriteError, stageFile, type StagedFile } from './atomic-write.js'

export const REPORT_FILE_PATTERN = /^unifi-report-(\d{4}-\d{2}-\d{2}-\d{6})(?:-(\d+))?\.(html|txt)$/

export interface ReportFileContent {
  html: string | null
  text: string | null
}

export interface WrittenReportFiles {
  html: string | null
  text: string | null
}

const EXTENSIONS = { html: 'html', text: 'txt' } as const

function baseName(stamp: string, attempt: number): string {
  return attempt === 1 ? `unifi-report-${stamp}` : `unifi-report-${stamp}-${attempt}`
}

/**
 * Stages both formats first, so nothing appears under a final name until every file is complete; then
 * claims a base name free for all formats. Checks the signal before claiming: a cancelled run leaves no
 * file behind.
 */
export async function writeReportFiles(options: {
  dir: string
  generatedAtMs: number
  timezone: string
  content: ReportFileContent
  signal?: AbortSignal
}): Promise<WrittenReportFiles> {
  const { dir, content, signal } = options
  const stamp = fileStamp(options.generatedAtMs, options.timezone)
  const formats = (['html', 'text'] as const).filter((format) => content[format] !== null)
  const staged = new Map<(typeof formats)[number], StagedFile>()
  try {
    for (const format of formats) {
      staged.set(format, await stageFile(dir, `unifi-report-${stamp}.${EXTENSIONS[format]}`, content[format]!))
      if (signal?.aborted) throw new AbortedError('The report run was cancelled; no report was written.')
    }
    if (signal?.aborted) throw new AbortedError('The report run was cancelled; no report was written.')
    const taken = new Set(await readdir(dir))
    for (let attempt = 1; attempt < 10_000; attempt++) {
      const base = baseName(stamp, attempt)
      if (formats.some((format) => taken.has(`${base}.${EXTENSIONS[format]}`))) continue
      const written: WrittenReportFiles = { html: null, text: null }
      let clash = false
      for (const format of formats) {
        const path = join(dir, `${base}.${EXTENSIONS[format]}`)
        if (!(await staged.get(format)!.claim(path))) {
          clash = true
          break
        }
        written[format] = path
      }
      if (!clash) return written
      // Another writer took the name between our listing and our claim. The formats must share one base
      // name, so release what we claimed (re-staging its content) and try the next suffix.
      for (const format of formats) {
        const path = written[format]
        if (!path) continue
        staged.set(format, await stageFile(dir, `unifi-report-${stamp}.${EXTENSIONS[format]}`, content[format]!))
        await unlink(path)
      }
      taken.add(`${base}.html`).add(`${base}.txt`)
    }
    throw new FileWriteError(join(dir, baseName(stamp, 1)), new Error('no free report file name'))
  } finally {
    for (const file of staged.values()) await file.discard()
  }
}
