import { describe, expect, it } from 'vitest'
import { AuthError } from '../../../src/core/errors.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createIpcDispatch } from '../../../src/main/ipc/dispatch.js'
import type { IpcHandlers } from '../../../src/main/ipc/handlers.js'
import { isSamePage, TrustedSenders } from '../../../src/main/security/trusted-senders.js'
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../src/shared/ipc/contract.js'
import { PAGE_URL, servicesFor, TRUSTED } from './helpers.js'

describe('IPC dispatch', () => {
  it('answers a trusted call with an ok Result from the real handler', async () => {
    const { services } = servicesFor()
    const result = await services.dispatch('app:get-info', TRUSTED, undefined)
    expect(result).toEqual({
      ok: true,
      value: { name: 'unifi-scanner', version: '0.1.0', platform: 'linux', electronVersion: null, reportsDir: '/r' },
    })
  })

  it('has a handler for every contract channel', async () => {
    const { services } = servicesFor()
    // A valid request per channel; those that need a configured UniFi, a report or a demo engine fail typed.
    const requests: Record<InvokeChannel, unknown> = {
      'app:get-info': undefined,
      'app:about': undefined,
      'status:get': undefined,
      'status:refresh': undefined,
      'settings:get': undefined,
      'settings:update': { report: { lookbackHours: 12 } },
      'secret:set': { key: 'unifi.apiKey', value: 'k' },
      'secret:clear': { key: 'unifi.apiKey' },
      'secret:session-only': { enabled: true },
      'unifi:test': { url: 'https://127.0.0.1:1' },
      'unifi:trust-certificate': { fingerprint: 'ab'.repeat(32) },
      'unifi:use-ca-file': undefined,
      'unifi:choose-site': { site: 'default' },
      'integrations:describe': undefined,
      'integration:test': { id: 'cloudflare', values: {} },
      'integration:retry-now': { id: 'cloudflare' },
      'integration:set-paused': { id: 'cloudflare', paused: true },
      'report:generate': undefined,
      'report:cancel': undefined,
      'reports:list': undefined,
      'reports:open': { id: 'nope' },
      'reports:view': { id: 'nope' },
      'reports:reveal': { id: 'nope' },
      'reports:delete': { id: 'nope' },
      'reports:demo': undefined,
      'trends:get': { days: 30 },
      'clients:list': undefined,
      'clients:mark-known': { mac: 'b8:27:eb:00:00:01', name: 'Pi' },
      'clients:export': undefined,
      'dialog:choose-folder': undefined,
      'update:get': undefined,
      'update:install': undefined,
      'update:later': undefined,
      'schedule:preview': { preset: { kind: 'daily', time: '07:00' } },
      // Answered, not thrown: a webhook without a URL yet cannot be tested and says so.
      'delivery:test': { kind: 'webhook', webhook: { name: 'ops', format: 'json', breaker: {} } },
    }
    const failing = new Set([
      'unifi:test',
      'report:generate',
      'reports:open',
      'reports:view',
      'reports:reveal',
      'reports:delete',
      'reports:demo',
    ])
    for (const channel of INVOKE_CHANNELS) {
      const result = await services.dispatch(channel, TRUSTED, requests[channel])
      if (failing.has(channel)) expect(result, channel).toMatchObject({ ok: false, error: { kind: 'config' } })
      else expect(result.ok, channel).toBe(true)
    }
    await services.close()
  })

  it.each([
    ['an unknown webContents', { webContentsId: 99, frameUrl: PAGE_URL }],
    ['a frame showing another page', { webContentsId: TRUSTED.webContentsId, frameUrl: 'https://evil.example/' }],
    ['another local file', { webContentsId: TRUSTED.webContentsId, frameUrl: 'file:///tmp/evil.html' }],
    ['a detached frame', { webContentsId: TRUSTED.webContentsId, frameUrl: null }],
  ])('refuses %s without calling the handler', async (_label, sender) => {
    const { services, target, logger } = servicesFor()
    const result = await services.dispatch('status:refresh', sender, undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(target.sent).toEqual([])
    expect(logger.records.some((r) => r.message.includes('untrusted sender'))).toBe(true)
  })

  it('refuses a payload that does not match the channel schema', async () => {
    const { services, target } = servicesFor()
    const result = await services.dispatch('status:refresh', TRUSTED, { evil: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', kind: 'ipc' } })
    expect(target.sent).toEqual([])
  })

  it('refuses an unknown channel', async () => {
    const { services } = servicesFor()
    expect(await services.dispatch('fs:read', TRUSTED, '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    })
  })

  it('turns a ScannerError into its code and message, and a bug into a generic message', async () => {
    const handlers = {
      'app:get-info': () => {
        throw new AuthError('The API key was refused; create a new one in the console.', { code: 'UNIFI_BAD_KEY' })
      },
      'status:get': () => {
        throw new Error('password=hunter2 leaked by a bug')
      },
    } as unknown as IpcHandlers
    const dispatch = createIpcDispatch(handlers, { isTrustedSender: () => true, logger: createMemoryLogger() })
    expect(await dispatch('app:get-info', TRUSTED, undefined)).toEqual({
      ok: false,
      error: {
        code: 'UNIFI_BAD_KEY',
        kind: 'auth',
        message: 'The API key was refused; create a new one in the console.',
      },
    })
    const internal = await dispatch('status:get', TRUSTED, undefined)
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL', kind: 'internal' } })
    expect(JSON.stringify(internal)).not.toContain('hunter2')
  })
})

describe('TrustedSenders', () => {
  it('trusts an id only while it is registered', () => {
    const trusted = new TrustedSenders(PAGE_URL)
    trusted.add(3)
    expect(trusted.isTrusted({ webContentsId: 3, frameUrl: PAGE_URL })).toBe(true)
    trusted.remove(3)
    expect(trusted.isTrusted({ webContentsId: 3, frameUrl: PAGE_URL })).toBe(false)
  })

  it('compares http pages by origin and file pages by path', () => {
    expect(isSamePage('http://127.0.0.1:5173/index.html#x', 'http://127.0.0.1:5173/')).toBe(true)
    expect(isSamePage('http://127.0.0.1:5174/', 'http://127.0.0.1:5173/')).toBe(false)
    expect(isSamePage('file:///app/out/renderer/index.html', PAGE_URL)).toBe(true)
    expect(isSamePage('file:///app/out/renderer/other.html', PAGE_URL)).toBe(false)
    expect(isSamePage('not a url', PAGE_URL)).toBe(false)
  })

  it('compares app:// pages by host and path', () => {
    const page = 'app://renderer/index.html'
    expect(isSamePage('app://renderer/index.html#reports', page)).toBe(true)
    expect(isSamePage('app://renderer/other.html', page)).toBe(false)
    expect(isSamePage('app://elsewhere/index.html', page)).toBe(false)
    expect(isSamePage('file:///index.html', page)).toBe(false)
  })
})
