import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  computeStatus,
  type StatusFacts,
  UNIFI_NOT_CONFIGURED_REASON,
} from '../../../src/main/status/compute-status.js'
import {
  buildTrayMenuTemplate,
  formatWhen,
  lastReportLine,
  trayTooltip,
  type TrayActions,
} from '../../../src/main/tray/tray-menu.js'
import { trayIconPath } from '../../../src/main/tray/tray-icons.js'
import type { IntegrationStatus } from '../../../src/shared/ipc/payloads.js'

const facts: StatusFacts = {
  unifiConfigured: true,
  reportEngineAvailable: true,
  progress: null,
  lastReport: null,
  lastError: null,
}

function actions() {
  return {
    generateReport: vi.fn<() => void>(),
    openSettings: vi.fn<() => void>(),
    openReportsFolder: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
    openLastReport: vi.fn<() => void>(),
    setStartAtLogin: vi.fn<(enabled: boolean) => void>(),
    openLogsFolder: vi.fn<() => void>(),
    copyDiagnostics: vi.fn<() => void>(),
  } satisfies TrayActions
}

const lastReport = { id: 'r1', finishedAt: 5, headline: '3 severe, 0 medium and 1 low findings', files: ['/r/a.html'] }

function item(menu: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = menu.find((entry) => entry.id === id)
  if (!found) throw new Error(`no menu item ${id}`)
  return found
}

function click(entry: MenuItemConstructorOptions): void {
  const handler = entry.click as (() => void) | undefined
  if (!handler) throw new Error(`${entry.id} has no click handler`)
  handler()
}

describe('buildTrayMenuTemplate', () => {
  it('lists the actions in the order of the issue and wires each to its action', () => {
    const a = actions()
    const menu = buildTrayMenuTemplate(computeStatus({ ...facts, lastReport }, 0), a, { startAtLogin: false })
    expect(menu.filter((entry) => entry.type !== 'separator' && entry.enabled !== false).map((e) => e.label)).toEqual([
      'Generate report now',
      'Open last report',
      'Open reports folder',
      'Settings & status…',
      'Start at login',
      'Troubleshooting',
      'Quit UniFi Scanner',
    ])
    click(item(menu, 'generate-report'))
    click(item(menu, 'open-last-report'))
    click(item(menu, 'open-settings'))
    click(item(menu, 'open-reports-folder'))
    click(item(menu, 'start-at-login'))
    const submenu = item(menu, 'troubleshooting').submenu as MenuItemConstructorOptions[]
    expect(submenu.map((entry) => entry.label)).toEqual(['Open logs folder', 'Copy diagnostics'])
    for (const entry of submenu) click(entry)
    click(item(menu, 'quit'))
    for (const fn of Object.values(a)) expect(fn).toHaveBeenCalledOnce()
    expect(a.setStartAtLogin).toHaveBeenCalledWith(true)
  })

  it('shows "Start at login" checked when enabled, and clicking it turns it off', () => {
    const a = actions()
    const menu = buildTrayMenuTemplate(computeStatus(facts, 0), a, { startAtLogin: true })
    expect(item(menu, 'start-at-login')).toMatchObject({ type: 'checkbox', checked: true })
    click(item(menu, 'start-at-login'))
    expect(a.setStartAtLogin).toHaveBeenCalledWith(false)
  })

  it('disables "Open last report" until there is one', () => {
    const menu = buildTrayMenuTemplate(computeStatus(facts, 0), actions())
    expect(item(menu, 'open-last-report').enabled).toBe(false)
  })

  it('disables "Generate report now" with the reason until UniFi is configured', () => {
    const menu = buildTrayMenuTemplate(computeStatus({ ...facts, unifiConfigured: false }, 0), actions())
    const generate = item(menu, 'generate-report')
    expect(generate.enabled).toBe(false)
    expect(generate.sublabel).toBe(UNIFI_NOT_CONFIGURED_REASON)
    expect(item(menu, 'generate-report-reason')).toMatchObject({ label: UNIFI_NOT_CONFIGURED_REASON, enabled: false })
    expect(item(menu, 'status').label).toBe('UniFi Scanner: UniFi is not configured')
  })

  it('shows progress instead of the action while a report runs', () => {
    const status = computeStatus({ ...facts, progress: { phase: 'collecting threats', percent: 40 } }, 0)
    const generate = item(buildTrayMenuTemplate(status, actions()), 'generate-report')
    expect(generate).toMatchObject({ label: 'Generating… collecting threats 40 %', enabled: false })
    expect(trayTooltip(status)).toBe('UniFi Scanner: Generating… collecting threats 40 %')
    // No click handler: a second click while running does nothing.
    expect(generate.click).toBeUndefined()
  })

  it('says why generation is unavailable when no report engine is wired in', () => {
    const menu = buildTrayMenuTemplate(computeStatus({ ...facts, reportEngineAvailable: false }, 0), actions())
    expect(item(menu, 'generate-report').enabled).toBe(false)
    expect(item(menu, 'generate-report-reason').label).toMatch(/no report engine/)
  })
})

describe('trayIconPath', () => {
  it('uses Template images on macOS, ICO on Windows and PNG elsewhere', () => {
    expect(trayIconPath('/r', 'darwin', 'idle')).toBe('/r/trayTemplate.png')
    expect(trayIconPath('/r', 'darwin', 'error')).toBe('/r/tray-errorTemplate.png')
    expect(trayIconPath('/r', 'win32', 'attention')).toMatch(/tray-attention\.ico$/)
    expect(trayIconPath('/r', 'linux', 'running')).toBe('/r/tray-running.png')
  })
})

describe('"Cancel report" and the last report line', () => {
  // 4 Dec 2026 14:00 local time; the report finished at 07:05 the same day, a failure the day before.
  const now = new Date(2026, 11, 4, 14, 0).getTime()
  const finishedAt = new Date(2026, 11, 4, 7, 5).getTime()
  const report = { ...lastReport, finishedAt }

  it('offers "Cancel report" only while a report runs, wired to its action', () => {
    const a = { ...actions(), cancelReport: vi.fn<() => void>() }
    const running = computeStatus({ ...facts, progress: { phase: 'collecting threats', percent: 40 } }, 0)
    click(item(buildTrayMenuTemplate(running, a, { startAtLogin: false }, now), 'cancel-report'))
    expect(a.cancelReport).toHaveBeenCalledOnce()
    const idle = buildTrayMenuTemplate(computeStatus(facts, 0), a, { startAtLogin: false }, now)
    expect(idle.some((entry) => entry.id === 'cancel-report')).toBe(false)
  })

  it("shows the last report's time and headline as a disabled line, nothing before the first run", () => {
    const menu = buildTrayMenuTemplate(computeStatus({ ...facts, lastReport: report }, now), actions(), undefined, now)
    expect(item(menu, 'last-report')).toMatchObject({
      label: 'Last report: today 07:05 · 3 severe, 0 medium and 1 low findings',
      enabled: false,
    })
    expect(buildTrayMenuTemplate(computeStatus(facts, now), actions(), undefined, now).map((e) => e.id)).not.toContain(
      'last-report',
    )
  })

  it('shows a newer failure or cancellation instead, with one full stop where the message brings its own', () => {
    const failedAt = new Date(2026, 11, 3, 18, 30).getTime()
    const failed = { code: 'AUTH', kind: 'auth', message: 'The controller refused the login.' }
    const older = computeStatus({ ...facts, lastReport: report, lastError: failed, lastErrorAt: failedAt }, now)
    expect(lastReportLine(older, now)).toBe('Last report: today 07:05 · 3 severe, 0 medium and 1 low findings')
    const newer = computeStatus({ ...facts, lastReport: null, lastError: failed, lastErrorAt: failedAt }, now)
    expect(lastReportLine(newer, now)).toBe('Last report failed (yesterday 18:30): The controller refused the login.')
    const aborted = { code: 'ABORTED', kind: 'aborted', message: 'The report run was cancelled.' }
    const cancelled = computeStatus({ ...facts, lastReport: report, lastError: aborted, lastErrorAt: now }, now)
    expect(lastReportLine(cancelled, now)).toBe('Last report cancelled (today 14:00)')
    expect(cancelled).toMatchObject({ state: 'idle', headline: 'Report cancelled' })
  })

  it('names older days by weekday and date', () => {
    expect(formatWhen(new Date(2026, 10, 27, 7, 0).getTime(), now)).toBe('Fri 27 Nov 07:00')
  })
})

describe('tray state (icon) from the status', () => {
  const card = (overrides: Partial<IntegrationStatus['breaker']> = {}, configuration = 'configured' as const) =>
    ({
      id: 'cloudflare',
      displayName: 'Cloudflare',
      configuration: { state: configuration, missing: configuration === 'configured' ? [] : ['cloudflare.apiToken'] },
      breaker: {
        state: 'closed',
        consecutiveFailures: 0,
        failMax: 3,
        resetTimeoutMs: 60_000,
        timeoutMs: 30_000,
        openedAt: null,
        nextTrialAt: null,
        trialInFlight: false,
        ...overrides,
      },
      lastError: null,
      lastSuccessAt: null,
      lastLatencyMs: null,
      updatedAt: 0,
      window: {
        windowMs: 1,
        successes: 0,
        failures: 0,
        timeouts: 0,
        shortCircuits: 0,
        notCounted: 0,
        p50Ms: null,
        p90Ms: null,
        p99Ms: null,
        maxMs: null,
      },
      trip: null,
      controls: { paused: false, ownPolicy: [], reportsWithoutSection: 0 },
      recentCalls: [],
      timeline: { from: 0, fromState: 'closed', transitions: [] },
    }) satisfies IntegrationStatus

  it('is idle when all is well, running while a report runs, error after a failed run', () => {
    expect(computeStatus({ ...facts, integrations: [card()] }, 0).state).toBe('idle')
    expect(computeStatus({ ...facts, progress: { phase: 'x', percent: 1 } }, 0).state).toBe('running')
    const failed = { code: 'AUTH', kind: 'auth', message: 'refused' }
    expect(computeStatus({ ...facts, lastError: failed }, 0).state).toBe('error')
  })

  it('asks for attention when a breaker is open, an integration is partial or the certificate is untrusted', () => {
    const open = computeStatus({ ...facts, integrations: [card({ state: 'open', nextTrialAt: 60_000 })] }, 0)
    expect(open).toMatchObject({ state: 'attention', headline: 'Cloudflare is paused after repeated failures' })
    // Paused by the admin: their decision, so no call to action (and no "Retry now" it could not use).
    const pausedByYou = computeStatus(
      {
        ...facts,
        integrations: [
          {
            ...card({ state: 'open', nextTrialAt: 60_000 }),
            controls: { paused: true, ownPolicy: [], reportsWithoutSection: 0 },
          },
        ],
      },
      0,
    )
    expect(pausedByYou.state).toBe('idle')
    const withCause = computeStatus(
      {
        ...facts,
        integrations: [
          {
            ...card({ state: 'open', nextTrialAt: 60_000 }),
            lastError: { message: 'Cloudflare did not answer within 30 s.', kind: 'timeout', counted: true, at: 0 },
          },
        ],
      },
      0,
    )
    expect(withCause.detail).toBe(
      'Reports skip Cloudflare until its next trial: Cloudflare did not answer within 30 s. Use "Retry now" to try at once.',
    )
    const partial = computeStatus({ ...facts, integrations: [card({}, 'partial' as 'configured')] }, 0)
    expect(partial.state).toBe('attention')
    expect(partial.detail).toContain('cloudflare.apiToken')
    const untrusted = computeStatus(
      {
        ...facts,
        unifi: {
          configuration: { state: 'configured', missing: [] },
          connection: 'untrusted-certificate',
          checkedBy: 'test',
          settingsChangedSince: false,
          controller: null,
          site: null,
          lastCheckedAt: 1,
          lastError: null,
          trust: { pinnedFingerprint: null, caFile: null },
          activity: {
            window: { windowMs: 600_000, requests: 0, p50Ms: null, p90Ms: null, p99Ms: null, maxMs: null },
            recentCalls: [],
            contacts: [],
          },
        },
      },
      0,
    )
    expect(untrusted.state).toBe('attention')
    expect(trayIconPath('/r', 'linux', untrusted.state)).toBe('/r/tray-attention.png')
  })
})
