import { describe, expect, it } from 'vitest'
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../src/shared/ipc/contract.js'
import { memorySettings, servicesFor, TRUSTED } from './helpers.js'

const SECRETS = [
  'pw-5ecret-value',
  'key-5ecret-value',
  'cf-5ecret-token',
  'new-5ecret-value',
  'smtp-5ecret-value',
  'hooks.example',
  'tok-5ecret-value',
  'hmac-5ecret-value',
]

/** A valid request for every channel; those that cannot succeed here still must not leak in their failure. */
const REQUESTS: Record<InvokeChannel, unknown> = {
  'app:get-info': undefined,
  'app:about': undefined,
  'status:get': undefined,
  'status:refresh': undefined,
  'settings:get': undefined,
  'settings:update': { unifi: { site: 'hq' } },
  'secret:set': { key: 'unifi.password', value: 'new-5ecret-value' },
  'secret:clear': { key: 'unifi.apiKey' },
  'secret:session-only': { enabled: true },
  'unifi:test': { url: 'https://127.0.0.1:1', password: 'new-5ecret-value' },
  'unifi:trust-certificate': { fingerprint: 'CD'.repeat(32) },
  'unifi:use-ca-file': undefined,
  'unifi:choose-site': { site: 'default' },
  'integrations:describe': undefined,
  'integration:test': { id: 'cloudflare', values: { apiToken: 'cf-5ecret-token' } },
  'integration:retry-now': { id: 'cloudflare' },
  'integration:set-paused': { id: 'cloudflare', paused: true },
  'report:generate': undefined,
  'report:cancel': undefined,
  'reports:list': undefined,
  'reports:open': { id: 'x' },
  'reports:view': { id: 'x' },
  'reports:reveal': { id: 'x' },
  'reports:delete': { id: 'x' },
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
  // The stored SMTP password goes to the (refusing) loopback server it was saved for; the answer must not carry it.
  'delivery:test': {
    kind: 'email',
    email: {
      host: '127.0.0.1',
      port: 1,
      tls: 'none',
      username: 'mailer',
      from: 'scanner@example.com',
      to: ['admin@example.com'],
      bcc: [],
      breaker: {},
    },
  },
}

describe('secrets never cross IPC to the renderer', () => {
  it('no handler response and no push carries a secret value', async () => {
    const settings = memorySettings({
      unifi: { url: 'https://127.0.0.1:1', username: 'admin', password: 'pw-5ecret-value', apiKey: 'key-5ecret-value' },
      integrations: { cloudflare: { apiToken: 'cf-5ecret-token', apiUrl: 'http://127.0.0.1:1/client/v4' } },
      breaker: { timeoutMs: 500, resetTimeoutMs: 1000 },
      delivery: {
        email: {
          host: '127.0.0.1',
          port: 1,
          tls: 'none',
          username: 'mailer',
          password: 'smtp-5ecret-value',
          from: 'scanner@example.com',
          to: ['admin@example.com'],
        },
        webhooks: [{ name: 'ops', url: 'https://hooks.example/T/B/tok-5ecret-value', secret: 'hmac-5ecret-value' }],
      },
    })
    const { services, target } = servicesFor({
      settings,
      runner: () => Promise.reject(new Error('boom pw-5ecret-value')),
    })
    const responses: unknown[] = []
    for (const channel of INVOKE_CHANNELS) {
      responses.push(await services.dispatch(channel, TRUSTED, REQUESTS[channel]))
    }
    // The settings still hold them: the check is about what crossed, not about what was stored. (The UniFi
    // secrets were dropped by design when a new certificate was pinned: they belong to the old trust.)
    expect(settings.read().integrations['cloudflare']?.['apiToken']).toBe('cf-5ecret-token')
    expect(settings.read().unifi.password).toBeUndefined()
    const crossed = JSON.stringify([responses, target.sent])
    expect(target.sent.length).toBeGreaterThan(0)
    for (const secret of SECRETS) expect(crossed).not.toContain(secret)
    expect(crossed).toContain('"hasPassword":true')
    expect(crossed).toContain('"integrations.cloudflare.apiToken":true')
    expect(crossed).toContain('"passwordSet":true')
    expect(crossed).toMatch(/"urlSet":true,"secretSet":true/)
    expect(settings.read().delivery.webhooks[0]?.secret).toBe('hmac-5ecret-value')
    await services.close()
  })
})
