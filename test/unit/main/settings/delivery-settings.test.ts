import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/settings/migrate.js'
import { memoryKeyValueStore } from '../../../../src/main/settings/key-value-store.js'
import { SecretVault, type SafeStorageLike } from '../../../../src/main/settings/secret-vault.js'
import { SettingsService } from '../../../../src/main/settings/settings-service.js'
import { secretSettingPaths, secretValues } from '../../../../src/core/integrations/secret-paths.js'
import { integrations } from '../../../../src/core/integrations/registry.js'
import { createDeliveryRuntime } from '../../../../src/core/delivery/runtime.js'
import { createMemoryLogger } from '../../../../src/core/logger.js'
import { defaultSettings, settingsSchema } from '../../../../src/shared/settings.js'
import { memorySettings, servicesFor, TRUSTED } from '../helpers.js'

const SAFE: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`enc:${text}`, 'utf8'),
  decryptString: (data) => data.toString('utf8').replace(/^enc:/, ''),
  getSelectedStorageBackend: () => 'gnome_libsecret',
}

const EMAIL = {
  host: 'smtp.example.com',
  tls: 'starttls',
  username: 'mailer',
  from: 'scanner@example.com',
  to: ['admin@example.com'],
  bcc: [],
  attachReport: false,
}

/** A service over visible stores, so a test can look at what the plain file and the vault file hold. */
function openService() {
  const plain = memoryKeyValueStore()
  const secrets = memoryKeyValueStore()
  let next = 0
  const service = new SettingsService(
    plain,
    new SecretVault(secrets, SAFE, secretSettingPaths(integrations)),
    defaultSettings(),
    null,
    integrations,
    () => `hook${(next += 1).toString().padStart(4, '0')}`,
  )
  return { service, plain, secrets }
}

describe('delivery settings in the desktop app', () => {
  it('adds webhooks with stable ids; their URL and secret live in the vault under those ids, never in the plain file or the view', () => {
    const { service, plain, secrets } = openService()
    const saved = service.update({
      delivery: { webhooks: [{ name: 'ops', format: 'slack' }, { format: 'json' }] },
    })
    expect(saved.saved).toBe(true)
    const ids = saved.settings.delivery.webhooks.map((webhook) => webhook.id)
    expect(ids).toEqual(['hook0001', 'hook0002'])
    service.setSecret('delivery.webhooks.hook0001.url', 'https://hooks.slack.example/services/T0/B0/tok-5ecret')
    service.setSecret('delivery.webhooks.hook0002.url', 'https://receiver.example/hook')
    service.setSecret('delivery.webhooks.hook0002.secret', 'hmac-5ecret')
    const read = service.read()
    expect(read.delivery.webhooks[0]?.url).toBe('https://hooks.slack.example/services/T0/B0/tok-5ecret')
    expect(read.delivery.webhooks[1]?.secret).toBe('hmac-5ecret')
    expect(Object.keys(secrets.store)).toEqual(
      expect.arrayContaining(['delivery.webhooks.hook0001.url', 'delivery.webhooks.hook0002.secret']),
    )
    const view = JSON.stringify(service.view())
    const file = JSON.stringify(plain.store)
    for (const secret of ['tok-5ecret', 'hmac-5ecret', 'receiver.example']) {
      expect(view).not.toContain(secret)
      expect(file).not.toContain(secret)
    }
    expect(service.view().delivery.webhooks).toEqual([
      { id: 'hook0001', name: 'ops', format: 'slack', urlSet: true, secretSet: false, breaker: {} },
      { id: 'hook0002', format: 'json', urlSet: true, secretSet: true, breaker: {} },
    ])
  })

  it('reordering keeps each secret with its webhook; removing one removes its secrets from the vault', () => {
    const { service, secrets } = openService()
    service.update({
      delivery: {
        webhooks: [
          { name: 'a', format: 'json' },
          { name: 'b', format: 'ntfy' },
        ],
      },
    })
    service.setSecret('delivery.webhooks.hook0001.url', 'https://a.example/hook')
    service.setSecret('delivery.webhooks.hook0001.secret', 'secret-of-a')
    service.setSecret('delivery.webhooks.hook0002.url', 'https://ntfy.example/topic-b')
    const reordered = service.update({
      delivery: {
        webhooks: [
          { id: 'hook0002', name: 'b', format: 'ntfy' },
          { id: 'hook0001', name: 'a renamed', format: 'json', breaker: { failMax: 5 } },
        ],
      },
    })
    expect(reordered.saved).toBe(true)
    const read = service.read().delivery.webhooks
    expect(read.map((webhook) => [webhook.name, webhook.url, webhook.secret])).toEqual([
      ['b', 'https://ntfy.example/topic-b', undefined],
      ['a renamed', 'https://a.example/hook', 'secret-of-a'],
    ])
    expect(read[1]?.breaker).toEqual({ failMax: 5 })
    service.update({ delivery: { webhooks: [{ id: 'hook0002', name: 'b', format: 'ntfy' }] } })
    expect(Object.keys(secrets.store).filter((key) => key.includes('hook0001'))).toEqual([])
    expect(service.read().delivery.webhooks.map((webhook) => webhook.id)).toEqual(['hook0002'])
    // A removed webhook's path is refused from then on.
    expect(() => service.setSecret('delivery.webhooks.hook0001.url', 'https://a.example/hook')).toThrow(
      /no delivery channel/,
    )
  })

  it('a webhook URL on another origin takes the stored signing secret away, with a banner; the same origin keeps it', () => {
    const { service } = openService()
    service.update({ delivery: { webhooks: [{ name: 'signed', format: 'json' }] } })
    service.setSecret('delivery.webhooks.hook0001.url', 'https://one.example/hook')
    service.setSecret('delivery.webhooks.hook0001.secret', 'hmac-5ecret')
    service.setSecret('delivery.webhooks.hook0001.url', 'https://one.example/other-path')
    expect(service.read().delivery.webhooks[0]?.secret).toBe('hmac-5ecret')
    const moved = service.setSecret('delivery.webhooks.hook0001.url', 'https://two.example/hook')
    expect(service.read().delivery.webhooks[0]?.secret).toBeUndefined()
    expect(moved.secretAlerts?.map((alert) => alert.message).join(' ')).toMatch(/re-enter the signing secret/)
    const reentered = service.setSecret('delivery.webhooks.hook0001.secret', 'hmac-2')
    expect(reentered.secretAlerts).toEqual([])
  })

  it('refuses a webhook URL that breaks the URL rules, and a patch that carries a secret', async () => {
    const { services } = servicesFor()
    await services.dispatch('settings:update', TRUSTED, { delivery: { webhooks: [{ format: 'json' }] } })
    const id = services.settings.view().delivery.webhooks[0]?.id ?? ''
    const plainHttp = await services.dispatch('secret:set', TRUSTED, {
      key: `delivery.webhooks.${id}.url`,
      value: 'http://hooks.example/x',
    })
    expect(plainHttp.ok).toBe(false)
    expect(plainHttp.ok ? '' : plainHttp.error.message).toMatch(/must use https/)
    const withUrl = await services.dispatch('settings:update', TRUSTED, {
      delivery: { webhooks: [{ id, format: 'json', url: 'https://hooks.example/x' }] },
    })
    expect(withUrl).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    const withPassword = await services.dispatch('settings:update', TRUSTED, {
      delivery: { email: { ...EMAIL, password: 'pw' } },
    })
    expect(withPassword).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    const unknownId = await services.dispatch('settings:update', TRUSTED, {
      delivery: { webhooks: [{ id: 'nothere1', format: 'json' }] },
    })
    expect(unknownId).toMatchObject({
      ok: true,
      value: { saved: false, fieldErrors: [{ path: 'delivery.webhooks.0.id' }] },
    })
    await services.close()
  })

  it('the SMTP password stays with its mail server: another host, port, TLS mode or CA file removes it, with a banner', () => {
    const { service } = openService()
    expect(() => service.setSecret('delivery.email.password', 'pw')).toThrow(/Save the email settings first/)
    expect(service.update({ delivery: { email: EMAIL } }).saved).toBe(true)
    service.setSecret('delivery.email.password', 'smtp-5ecret')
    expect(service.view().delivery.email).toMatchObject({ passwordSet: true, host: 'smtp.example.com', caFile: null })
    expect(service.update({ delivery: { email: { ...EMAIL, to: ['a@example.com', 'b@example.com'] } } }).saved).toBe(
      true,
    )
    expect(service.read().delivery.email?.password).toBe('smtp-5ecret')
    const moved = service.update({ delivery: { email: { ...EMAIL, host: 'mail.other.example' } } })
    expect(service.read().delivery.email?.password).toBeUndefined()
    expect(moved.settings.secretAlerts?.map((alert) => alert.id)).toContain('secrets-reenter-email')
    service.setSecret('delivery.email.password', 'smtp-2')
    service.update({ delivery: { email: { ...EMAIL, host: 'mail.other.example', port: 2525 } } })
    expect(service.read().delivery.email?.password).toBeUndefined()
    service.setSecret('delivery.email.password', 'smtp-3')
    const removed = service.update({ delivery: { email: null } })
    expect(removed.settings.delivery.email).toBeNull()
    expect(service.read().delivery.email).toBeUndefined()
    expect(JSON.stringify(service.read())).not.toContain('smtp-3')
  })

  it('checks the email channel against the shared schema, per field', () => {
    const { service } = openService()
    const bad = service.update({
      delivery: { email: { ...EMAIL, host: 'smtp.example.com', tls: 'none', to: ['not an address'] } },
    })
    expect(bad.saved).toBe(false)
    if (bad.saved) return
    expect(bad.fieldErrors.map((error) => error.path).sort()).toEqual(['delivery.email.tls', 'delivery.email.to.0'])
  })

  it('a hand-written config file: webhooks get ids and every delivery secret moves out of the plain file', () => {
    let next = 0
    const result = migrate(
      {
        schemaVersion: 2,
        delivery: {
          email: { ...EMAIL, password: 'smtp-5ecret' },
          webhooks: [{ name: 'ops', format: 'slack', url: 'https://hooks.example/T/B/tok-5ecret', secret: 'x-5ecret' }],
        },
      },
      integrations,
      () => `file${(next += 1).toString().padStart(4, '0')}`,
    )
    expect(result.assignedIds).toBe(true)
    expect(result.extractedSecrets).toEqual({
      'delivery.email.password': 'smtp-5ecret',
      'delivery.webhooks.file0001.url': 'https://hooks.example/T/B/tok-5ecret',
      'delivery.webhooks.file0001.secret': 'x-5ecret',
    })
    expect(JSON.stringify(result.settings)).not.toMatch(/5ecret/)
    expect(result.settings.delivery.webhooks[0]).toMatchObject({ id: 'file0001', name: 'ops' })
  })

  it('scrubs every delivery secret, also of a config-file webhook without an id', () => {
    const settings = settingsSchema.parse({
      delivery: {
        email: { ...EMAIL, password: 'smtp-5ecret' },
        webhooks: [
          { id: 'abcd1234', url: 'https://a.example/tok-a' },
          { url: 'https://b.example/tok-b', secret: 'b-5ecret' },
        ],
      },
    })
    expect(secretValues(settings, integrations).sort()).toEqual(
      ['b-5ecret', 'https://a.example/tok-a', 'https://b.example/tok-b', 'smtp-5ecret'].sort(),
    )
  })

  it('replace (tests, resets) assigns ids and stores the secrets in the vault', () => {
    const service = memorySettings({
      delivery: { webhooks: [{ name: 'x', url: 'https://x.example/tok-x' }] },
    })
    const [webhook] = service.view().delivery.webhooks
    expect(webhook?.id).toMatch(/^[a-z0-9]{12}$/)
    expect(webhook?.urlSet).toBe(true)
    expect(service.read().delivery.webhooks[0]?.url).toBe('https://x.example/tok-x')
  })

  it('a webhook whose URL was not entered yet is not sent to, and the result says why', async () => {
    const runtime = createDeliveryRuntime({ logger: createMemoryLogger() })
    const settings = settingsSchema.parse({
      delivery: { webhooks: [{ id: 'abcd1234', name: 'ops', format: 'slack' }] },
    })
    const run = await runtime.deliver({
      settings,
      dataDir: '/nonexistent',
      report: null,
      signal: new AbortController().signal,
    })
    expect(run.results).toEqual([
      { channel: 'email', status: 'not-configured', breaker: 'closed', late: false, message: null },
      {
        channel: 'ops',
        status: 'not-configured',
        breaker: 'closed',
        late: false,
        message: 'Slack webhook "ops" has no URL yet: enter it in the settings.',
      },
    ])
    await runtime.close()
  })
})
