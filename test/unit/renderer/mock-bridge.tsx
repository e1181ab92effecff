import { act } from '@testing-library/react'
import { vi } from 'vitest'
import type { BridgeApi } from '../../../src/shared/ipc/bridge.js'
import { PUSH_BRIDGE, type PushChannel } from '../../../src/shared/ipc/channels.js'
import type { PushPayload } from '../../../src/shared/ipc/contract.js'
import type { AppStatus, IntegrationStatus, SettingsView, UpdateStatus } from '../../../src/shared/ipc/payloads.js'
import { toSettingsView } from '../../../src/shared/ipc/settings-view.js'
import { defaultSettings } from '../../../src/shared/settings.js'
import { ok } from '../../../src/shared/result.js'
import { describeIntegrations } from '../../../src/core/integrations/descriptors.js'
import { integrations } from '../../../src/core/integrations/registry.js'
import type { IntegrationMeta } from '../../../src/core/integrations/contract.js'
import { aboutInfo } from '../../../src/main/app/about.js'

export function makeStatus(overrides: Partial<AppStatus> = {}): AppStatus {
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

export function makeIntegration(overrides: Partial<IntegrationStatus> = {}): IntegrationStatus {
  return {
    id: 'cloudflare',
    displayName: 'Cloudflare',
    configuration: { state: 'configured', missing: [] },
    breaker: {
      state: 'closed',
      consecutiveFailures: 0,
      failMax: 3,
      resetTimeoutMs: 60_000,
      timeoutMs: 30_000,
      openedAt: null,
      nextTrialAt: null,
      trialInFlight: false,
    },
    lastError: null,
    lastSuccessAt: null,
    lastLatencyMs: null,
    updatedAt: 1,
    window: {
      windowMs: 600_000,
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
    ...overrides,
  }
}

export function makeUpdateStatus(overrides: Partial<UpdateStatus> = {}): UpdateStatus {
  return {
    state: 'disabled',
    version: null,
    releaseNotes: null,
    percent: null,
    dismissed: false,
    lastCheckedAt: null,
    ...overrides,
  }
}

export function makeSettingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return { ...toSettingsView(defaultSettings(), describeIntegrations(integrations)), ...overrides }
}

/** A call the test did not set up: rejects loudly, typed as that bridge function so tests can mock it. */
function unused<K extends keyof BridgeApi>(name: K) {
  return vi.fn<BridgeApi[K]>((() =>
    Promise.reject(new Error(`${name} is not set up in this test`))) as unknown as BridgeApi[K])
}

/**
 * A typed double of window.api: `satisfies BridgeApi` keeps it in step with the contract. Every invoke is a vi.fn;
 * `push` delivers to the subscribed listeners inside act().
 */
export function createMockBridge(
  options: {
    status?: AppStatus
    settings?: SettingsView
    update?: UpdateStatus
    /** Described by the real descriptor builder; the registry unless a test brings its own. */
    integrations?: readonly IntegrationMeta[]
  } = {},
) {
  const descriptors = describeIntegrations(options.integrations ?? integrations)
  const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>()
  const subscribe =
    <E extends PushChannel>(channel: E) =>
    (listener: (payload: PushPayload<E>) => void) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener as (payload: unknown) => void)
      return () => void set.delete(listener as (payload: unknown) => void)
    }
  const settings = options.settings ?? makeSettingsView()
  const api = {
    getAppInfo: vi.fn(() =>
      Promise.resolve(
        ok({ name: 'unifi-scanner', version: '9.9.9', platform: 'linux', electronVersion: null, reportsDir: '/r' }),
      ),
    ),
    getAbout: vi.fn(() => Promise.resolve(ok(aboutInfo({ name: 'unifi-scanner', version: '9.9.9' }, descriptors)))),
    getStatus: vi.fn(() => Promise.resolve(ok(options.status ?? makeStatus()))),
    refreshStatus: vi.fn(() => Promise.resolve(ok(makeStatus()))),
    getSettings: vi.fn(() => Promise.resolve(ok(settings))),
    updateSettings: vi.fn<BridgeApi['updateSettings']>(() => Promise.resolve(ok({ saved: true as const, settings }))),
    setSecret: vi.fn(() => Promise.resolve(ok(settings))),
    clearSecret: vi.fn(() => Promise.resolve(ok(settings))),
    setSecretsSessionOnly: vi.fn(() => Promise.resolve(ok(settings))),
    testUnifiConnection: unused('testUnifiConnection'),
    trustUnifiCertificate: vi.fn(() => Promise.resolve(ok(settings))),
    useUnifiCaFile: vi.fn(() => Promise.resolve(ok({ path: null, settings }))),
    chooseUnifiSite: vi.fn(() => Promise.resolve(ok(settings))),
    describeIntegrations: vi.fn(() => Promise.resolve(ok(descriptors))),
    testIntegration: unused('testIntegration'),
    retryIntegrationNow: vi.fn(() => Promise.resolve(ok({ accepted: true }))),
    setIntegrationPaused: vi.fn<BridgeApi['setIntegrationPaused']>(({ paused }) => Promise.resolve(ok({ paused }))),
    generateReport: unused('generateReport'),
    cancelReport: unused('cancelReport'),
    listReports: vi.fn<BridgeApi['listReports']>(() => Promise.resolve(ok({ entries: [], warning: null }))),
    openReport: vi.fn(() => Promise.resolve(ok(null))),
    viewReport: vi.fn<BridgeApi['viewReport']>(() =>
      Promise.resolve(
        ok({
          id: 'r1',
          format: 'html' as const,
          content: '<p>report</p>',
          generatedAt: '2026-12-01T07:00:00.000Z',
          demo: false,
        }),
      ),
    ),
    revealReport: vi.fn(() => Promise.resolve(ok(null))),
    deleteReport: vi.fn(() => Promise.resolve(ok({ entries: [], warning: null }))),
    generateDemoReport: unused('generateDemoReport'),
    getTrends: vi.fn<BridgeApi['getTrends']>(({ days }) => Promise.resolve(ok({ days, sites: [] }))),
    listClients: vi.fn<BridgeApi['listClients']>(() => Promise.resolve(ok({ sites: [], warning: null }))),
    markClientKnown: unused('markClientKnown'),
    exportClients: unused('exportClients'),
    chooseFolder: vi.fn(() => Promise.resolve(ok({ path: null, settings }))),
    getUpdateStatus: vi.fn(() => Promise.resolve(ok(options.update ?? makeUpdateStatus()))),
    installUpdate: unused('installUpdate'),
    postponeUpdate: unused('postponeUpdate'),
    previewSchedule: vi.fn<BridgeApi['previewSchedule']>(() =>
      Promise.resolve(
        ok({
          ok: true as const,
          cron: '0 7 * * *',
          description: 'daily at 07:00 (UTC)',
          timezone: 'UTC',
          runs: [{ at: '2026-12-04T07:00:00.000Z', label: 'Fri 4 Dec 07:00' }],
        }),
      ),
    ),
    testDeliveryChannel: vi.fn<BridgeApi['testDeliveryChannel']>(() =>
      Promise.resolve(ok({ ok: true, message: 'Test message sent to admin@example.com. Check that it arrived.' })),
    ),
    onStatusChanged: vi.fn(subscribe('status:changed')),
    onIntegrationChanged: vi.fn(subscribe('integration:changed')),
    onReportsChanged: vi.fn(subscribe('reports:changed')),
    onSettingsChanged: vi.fn(subscribe('settings:changed')),
    onUpdateChanged: vi.fn(subscribe('update:changed')),
  } satisfies BridgeApi
  const push = <E extends PushChannel>(channel: E, payload: PushPayload<E>) =>
    act(() => listeners.get(channel)?.forEach((listener) => listener(payload)))
  const listenerCount = (channel: PushChannel) => listeners.get(channel)?.size ?? 0
  return { api, push, listenerCount, pushNames: PUSH_BRIDGE }
}
