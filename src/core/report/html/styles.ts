import { createHash } from 'node:crypto'

/**
 * The report's only stylesheet, inlined in the document head. Layout is tables plus plain block flow (no
 * flex/grid), so email clients that drop parts of the CSS still show a readable report. Palette: UniFi
 * blue header, red/orange/grey severities, green for blocked, purple for CyberSecure; dark mode via
 * prefers-color-scheme.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 0; background: #f3f5f8; color: #1d2330; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.container { width: 100%; max-width: 760px; margin: 0 auto; border-collapse: collapse; }
.container > tbody > tr > td { padding: 0 12px; }
.card { background: #ffffff; border: 1px solid #dde2ea; border-radius: 8px; margin: 14px 0; padding: 16px 18px; }
.demo { background: #6f42c1; color: #ffffff; text-align: center; font-weight: 700; letter-spacing: 0.08em; padding: 8px; border-radius: 6px; margin-top: 14px; }
.header { background: #2282ff; color: #ffffff; border: none; }
.header h1 { margin: 0 0 6px; font-size: 24px; }
.header .meta { margin: 2px 0; color: #eaf2ff; }
h2 { font-size: 19px; margin: 0 0 10px; }
h3 { font-size: 16px; margin: 16px 0 8px; }
p { margin: 6px 0; }
.muted { color: #5c6678; }
.pill { display: inline-block; padding: 3px 10px; border-radius: 12px; font-weight: 700; color: #ffffff; margin: 0 6px 6px 0; font-size: 13px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 4px; font-size: 11px; font-weight: 700; color: #ffffff; letter-spacing: 0.04em; vertical-align: middle; margin-right: 6px; }
.sev-severe { background: #dc3545; }
.sev-medium { background: #fd7e14; }
.sev-low { background: #6c757d; }
.recurring { background: #17a2b8; }
.new { background: #6f42c1; }
.trend-charts { display: flex; flex-wrap: wrap; gap: 16px; margin: 8px 0; }
.trend-chart { margin: 0; }
.trend-chart figcaption { font-size: 12px; }
.blocked { background: #28a745; }
.cybersecure { background: #6f42c1; }
.callout { background: #fff3cd; border: 1px solid #ffc107; color: #533f03; border-radius: 6px; padding: 10px 12px; margin: 10px 0; }
.callout-error { background: #fde8ea; border-color: #dc3545; color: #6b1019; }
.callout-good { background: #e6f6ea; border-color: #28a745; color: #134d21; }
.callout-note { background: #eaf2ff; border-color: #2282ff; color: #0b3a7a; }
.finding { border-left: 4px solid #6c757d; padding: 8px 12px; margin: 10px 0; background: #f8f9fb; }
.finding-severe { border-left-color: #dc3545; }
.finding-medium { border-left-color: #fd7e14; }
.finding .title { font-weight: 700; }
.actions { background: #eef3fb; border-radius: 6px; padding: 8px 12px; margin-top: 8px; }
.actions ol { margin: 4px 0 0 20px; padding: 0; }
table.data { width: 100%; border-collapse: collapse; margin: 8px 0; font-size: 14px; }
table.data th, table.data td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #dde2ea; vertical-align: top; }
table.data th { background: #eef1f5; }
table.data caption { text-align: left; font-weight: 700; padding: 4px 0; }
.tone-good { color: #1e7e34; }
.tone-warning { color: #a15c00; }
.tone-error { color: #c82333; }
.tone-note { color: #0559c9; }
.section-error { border-color: #dc3545; }
.section-warning { border-color: #ffc107; }
.status-CRITICAL { color: #c82333; font-weight: 700; }
.status-WARNING { color: #a15c00; font-weight: 700; }
.status-OK { color: #1e7e34; }
details summary { cursor: pointer; font-weight: 700; }
.more { font-style: italic; color: #5c6678; }
.footer { text-align: center; color: #5c6678; font-size: 13px; padding: 10px 0 24px; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  .card { padding: 12px; }
  table.data th, table.data td { padding: 4px; }
}
@media (prefers-color-scheme: dark) {
  body { background: #12161d; color: #e3e8f0; }
  .card { background: #1b212b; border-color: #2c3542; }
  .header { background: #0559c9; }
  .muted, .more, .footer { color: #9aa5b8; }
  .finding { background: #222a36; }
  .actions { background: #1f2a3b; }
  table.data th { background: #232c39; }
  table.data th, table.data td { border-bottom-color: #2c3542; }
  .callout { background: #3a3115; color: #f5e3a3; }
  .callout-error { background: #3d1a1f; color: #f5c2c8; }
  .callout-good { background: #173022; color: #b9e8c5; }
  .callout-note { background: #172a45; color: #bcd6ff; }
  .tone-good, .status-OK { color: #5fd07a; }
  .tone-warning, .status-WARNING { color: #ffb74d; }
  .tone-error, .status-CRITICAL { color: #ff6b78; }
  .tone-note { color: #7fb2ff; }
}
`

/**
 * The stylesheet's CSP hash source. The app's viewer draws a report in a sandboxed frame that inherits the
 * window's policy, which allows this one inline stylesheet and no other (`src/renderer/index.html` and the
 * `app://` header name it; a test keeps both in step with the stylesheet).
 */
export const REPORT_STYLE_HASH_SOURCE = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`
