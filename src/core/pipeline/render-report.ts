/**
 * Renders the report files independently: one renderer failing (a bug meeting odd data) still writes the
 * other file, and that file says which one is missing and why.
 */
import { toScannerError } from '../errors.js'
import { renderHtml } from '../report/html/render-html.js'
import type { ReportModel } from '../report/model.js'
import { renderText } from '../report/text/render-text.js'

export interface Renderers {
  html(model: ReportModel): string
  text(model: ReportModel): string
}

export const DEFAULT_RENDERERS: Renderers = { html: renderHtml, text: renderText }

export interface RenderedReport {
  html: string | null
  text: string | null
  /** One sentence per renderer that failed. */
  failures: string[]
}

const LABEL = { html: 'HTML', text: 'text' } as const

export function renderReport(
  model: ReportModel,
  format: 'html' | 'text' | 'both',
  renderers: Renderers = DEFAULT_RENDERERS,
): RenderedReport {
  const wanted = (['html', 'text'] as const).filter((kind) => format === 'both' || format === kind)
  const output: { html: string | null; text: string | null } = { html: null, text: null }
  const failed: { kind: 'html' | 'text'; message: string }[] = []
  for (const kind of wanted) {
    try {
      output[kind] = renderers[kind](model)
    } catch (error) {
      failed.push({ kind, message: toScannerError(error).message })
    }
  }
  const failures = failed.map(
    (failure) => `The ${LABEL[failure.kind]} report could not be rendered (${failure.message}).`,
  )
  const survivor = wanted.find((kind) => output[kind] !== null)
  if (failures.length > 0 && survivor !== undefined) {
    const noted = withNote(model, `${failures.join(' ')} This ${LABEL[survivor]} report has the same content.`)
    try {
      output[survivor] = renderers[survivor](noted)
    } catch {
      // The first rendering of this file worked; keep it rather than lose the report over the note.
    }
  }
  return { ...output, failures }
}

function withNote(model: ReportModel, text: string): ReportModel {
  return {
    ...model,
    coverage: {
      ...model.coverage,
      blocks: [...model.coverage.blocks, { type: 'paragraph', text, tone: 'error' }],
    },
  }
}
