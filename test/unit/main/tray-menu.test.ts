import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  computeStatus,
  type StatusFacts,
  UNIFI_NOT_CONFIGURED_REASON,
} from '../../../src/main/status/compute-status.js'
import { buildTrayMenuTemplate, trayTooltip, type TrayActions } from '../../../src/main/tray/tray-menu.js'
import { trayIconPath } from '../../../src/main/tray/tray-icons.js'

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
  } satisfies TrayActions
}

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
  it('lists the four actions in order and wires each to its action', () => {
    const a = actions()
    const menu = buildTrayMenuTemplate(computeStatus(facts, 0), a)
    expect(menu.filter((entry) => entry.type !== 'separator' && entry.enabled !== false).map((e) => e.label)).toEqual([
      'Generate report now',
      'Settings & status…',
      'Open reports folder',
      'Quit UniFi Scanner',
    ])
    click(item(menu, 'generate-report'))
    click(item(menu, 'open-settings'))
    click(item(menu, 'open-reports-folder'))
    click(item(menu, 'quit'))
    for (const fn of Object.values(a)) expect(fn).toHaveBeenCalledOnce()
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
    expect(trayTooltip(status)).toContain('Generating report…')
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
