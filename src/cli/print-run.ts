/**
 * Human summary of one report run on stderr: where the report is, what it found, and what failed, in the
 * words of the engine's user-facing messages.
 */
import { pathToFileURL } from 'node:url'
import type { RunResult } from './run-result.js'
import type { CliOutput } from './output.js'
import { asSentence } from '../shared/text/message-parts.js'

export function printRunSummary(output: CliOutput, result: RunResult, options: { label?: string } = {}): void {
  const run = result.json
  const say = output.say
  const label = options.label ? `${options.label}: ` : ''
  const files = [run.report.html, run.report.text].filter((file): file is string => file !== null)
  const { severe, medium, low } = run.report.findings
  if (run.ok || (run.unifi.ok && !run.complete && files.length > 0)) {
    say(`${label}${run.complete ? 'Report' : 'INCOMPLETE report'} written: ${files.join(' and ')}`)
    if (run.report.html) say(`  Open in a browser: ${pathToFileURL(run.report.html).href}`)
    for (const [source, coverage] of Object.entries(run.coverage)) {
      if (coverage.state === 'unavailable')
        say(asSentence(`  Could not check ${source}: ${coverage.reason ?? 'no reason given'}`))
      else if (coverage.state === 'partial') say(asSentence(`  ${source} only partly read: ${coverage.reason ?? ''}`))
    }
  } else if (files.length > 0) {
    say(`${label}Report explaining the failure written: ${files.join(' and ')}`)
  } else {
    say(`${label}No report was written.`)
  }
  if (run.unifi.ok) {
    say(
      `  ${severe} severe, ${medium} medium, ${low} low findings; ${run.report.threats} threats; ` +
        `${run.report.unhealthyDevices} unhealthy devices (${run.window.since} – ${run.window.until}).`,
    )
  } else if (run.unifi.error) {
    say(`  UniFi: ${run.unifi.error.message}`)
    if (result.presentedFingerprint) {
      say(`  If this is your console's certificate, trust it with UNIFI_TLS_FINGERPRINT=${result.presentedFingerprint}`)
    }
  }
  for (const integration of run.integrations) {
    if (integration.status === 'not-configured' || integration.status === 'ok') continue
    say(`  ${integration.id}: ${integration.message ?? integration.status}`)
  }
  for (const delivery of run.delivery) {
    if (delivery.status === 'not-configured') continue
    const late = delivery.late ? ' (late)' : ''
    say(`  Delivery ${delivery.channel}${late}: ${delivery.status}${delivery.message ? ` — ${delivery.message}` : ''}`)
  }
}
