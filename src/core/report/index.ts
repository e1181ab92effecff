/** Public surface of the report module: model, renderers, and the files the UI and CLI read. */
export { buildReportModel } from './build-model.js'
export { renderHtml } from './html/render-html.js'
export { REPORT_CSP } from './html/document.js'
export { renderText } from './text/render-text.js'
export type { ReportModel } from './model.js'
export {
  DEFAULT_REPORT_TITLE,
  type ReportInput,
  type UnifiResult,
  type UnifiFailure,
  type UnifiFailureClass,
} from './input.js'
export { readHistory, appendHistory, HISTORY_FILE, historyEntrySchema, type HistoryEntry } from './files/history.js'
export { readRunState, writeRunState, RUN_STATE_FILE } from './files/run-state.js'
export { writeReportFiles, REPORT_FILE_PATTERN } from './files/report-files.js'
export { applyRetention } from './files/retention.js'
export { resolveWindow, CLOCK_SKEW_MS, MAX_LOOKBACK_HOURS } from './files/window.js'
