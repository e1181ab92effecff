import { renderToStaticMarkup } from 'react-dom/server'
import type { ReportModel } from '../model.js'
import { ReportDocument } from './document.js'

/** The report as one self-contained HTML document. React escapes every value; there is no script. */
export function renderHtml(model: ReportModel): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(<ReportDocument model={model} />)}\n`
}
