import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import type { BridgeApi } from '../../../src/shared/ipc/bridge.js'
import type { AppStatus } from '../../../src/shared/ipc/payloads.js'

function status(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    state: 'attention',
    headline: 'UniFi is not configured',
    detail: 'Open Settings.',
    unifiConfigured: false,
    generateBlockedReason: 'Set up the UniFi connection first.',
    progress: null,
    lastReport: null,
    lastError: null,
    updatedAt: 1,
    ...overrides,
  }
}

/** A typed double of window.api: the compiler keeps it in step with the contract. */
function mockBridge(initial: AppStatus) {
  const listeners = new Set<(next: AppStatus) => void>()
  const api = {
    getAppInfo: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: { name: 'unifi-scanner', version: '9.9.9', platform: 'linux', electronVersion: null, reportsDir: '/r' },
      }),
    ),
    getStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: initial })),
    refreshStatus: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: status({ headline: 'Ready', state: 'idle', updatedAt: 5, generateBlockedReason: null }),
      }),
    ),
    getSettings: vi.fn(() => Promise.reject(new Error('not used here'))),
    generateReport: vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: { code: 'NO_REPORT_ENGINE', kind: 'config', message: 'No engine in this build.' },
      }),
    ),
    onStatusChanged: vi.fn((listener: (next: AppStatus) => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }),
    updateSettings: vi.fn(() => Promise.reject(new Error('not used here'))),
    setSecret: vi.fn(() => Promise.reject(new Error('not used here'))),
    clearSecret: vi.fn(() => Promise.reject(new Error('not used here'))),
    setSecretsSessionOnly: vi.fn(() => Promise.reject(new Error('not used here'))),
    testUnifiConnection: vi.fn(() => Promise.reject(new Error('not used here'))),
    trustUnifiCertificate: vi.fn(() => Promise.reject(new Error('not used here'))),
    useUnifiCaFile: vi.fn(() => Promise.reject(new Error('not used here'))),
    chooseUnifiSite: vi.fn(() => Promise.reject(new Error('not used here'))),
    verifyCloudflareToken: vi.fn(() => Promise.reject(new Error('not used here'))),
    retryIntegrationNow: vi.fn(() => Promise.reject(new Error('not used here'))),
    listReports: vi.fn(() => Promise.reject(new Error('not used here'))),
    openReport: vi.fn(() => Promise.reject(new Error('not used here'))),
    revealReport: vi.fn(() => Promise.reject(new Error('not used here'))),
    deleteReport: vi.fn(() => Promise.reject(new Error('not used here'))),
    generateDemoReport: vi.fn(() => Promise.reject(new Error('not used here'))),
    chooseFolder: vi.fn(() => Promise.reject(new Error('not used here'))),
    onReportProgress: vi.fn(() => () => undefined),
    onReportsChanged: vi.fn(() => () => undefined),
    onSettingsChanged: vi.fn(() => () => undefined),
  } satisfies BridgeApi
  const push = (next: AppStatus) => act(() => listeners.forEach((listener) => listener(next)))
  return { api, push, listeners }
}

describe('status screen', () => {
  it('shows app info and the status from main, with the reason generation is blocked', async () => {
    const { api } = mockBridge(status())
    render(<App api={api} />)
    expect(await screen.findByRole('heading', { name: 'UniFi is not configured' })).toBeInTheDocument()
    expect(await screen.findByTestId('app-info')).toHaveTextContent('Version 9.9.9')
    expect(screen.getByRole('button', { name: 'Generate report now' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Generate report now' })).toHaveAccessibleDescription(
      'Set up the UniFi connection first.',
    )
  })

  it('updates on a status:changed push and ignores an older snapshot', async () => {
    const { api, push } = mockBridge(status())
    render(<App api={api} />)
    await screen.findByRole('heading', { name: 'UniFi is not configured' })
    push(status({ state: 'running', headline: 'Generating report…', updatedAt: 10, generateBlockedReason: 'busy' }))
    expect(screen.getByTestId('status-headline')).toHaveTextContent('Generating report…')
    push(status({ headline: 'stale', updatedAt: 3 }))
    expect(screen.getByTestId('status-headline')).toHaveTextContent('Generating report…')
  })

  it('"Check again" calls main and shows the answer; a failed call shows its message', async () => {
    const { api } = mockBridge(status({ state: 'idle', headline: 'Ready', generateBlockedReason: null }))
    render(<App api={api} />)
    const user = userEvent.setup()
    await screen.findByRole('heading', { name: 'Ready' })
    await user.click(screen.getByRole('button', { name: 'Check again' }))
    expect(api.refreshStatus).toHaveBeenCalledOnce()
    await user.click(screen.getByRole('button', { name: 'Generate report now' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('No engine in this build.')
  })

  it('unsubscribes when it unmounts', async () => {
    const { api, listeners } = mockBridge(status())
    const view = render(<App api={api} />)
    await screen.findByRole('heading', { name: 'UniFi is not configured' })
    expect(listeners.size).toBe(1)
    view.unmount()
    expect(listeners.size).toBe(0)
  })
})
