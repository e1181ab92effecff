import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../../src/core/logger.js'
import { createFileSettingsService } from '../../../../src/main/settings/create-settings-service.js'
import type { SafeStorageLike } from '../../../../src/main/settings/secret-vault.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Stands in for Electron's safeStorage: reversible, but visibly not plaintext on disk. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
  }
}

function open(safeStorage = fakeSafeStorage(), now = 1_700_000_000_000) {
  const logger = createMemoryLogger()
  const store = (name: string) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name, projectName: 't' })
  const service = createFileSettingsService({
    file: path.join(dir, 'config.json'),
    createPlainStore: () => store('config'),
    secretFile: path.join(dir, 'secrets.json'),
    createSecretStore: () => store('secrets'),
    safeStorage,
    logger,
    now: () => now,
  })
  return { service, logger }
}

describe('settings on disk (conf in a temp folder, fake safeStorage)', () => {
  it('saves plain settings and encrypted secrets in separate files, and reads them back', () => {
    const { service } = open()
    expect(service.update({ unifi: { url: 'https://192.0.2.10', username: 'ro-admin' } }).saved).toBe(true)
    service.setSecret('unifi.password', 'hunter2-secret')
    service.setSecret('integrations.cloudflare.apiToken', 'cf-token-secret')

    const plain = readFileSync(path.join(dir, 'config.json'), 'utf8')
    const secrets = readFileSync(path.join(dir, 'secrets.json'), 'utf8')
    expect(plain).toContain('192.0.2.10')
    expect(plain).not.toMatch(/secret/)
    expect(secrets).not.toMatch(/hunter2|cf-token/)

    const reopened = open().service
    expect(reopened.read().unifi).toMatchObject({ url: 'https://192.0.2.10', password: 'hunter2-secret' })
    expect(reopened.view()).toMatchObject({ hasPassword: true, hasApiKey: false })
    expect(reopened.view().secretsSet['integrations.cloudflare.apiToken']).toBe(true)
    expect(JSON.stringify(reopened.view())).not.toMatch(/hunter2|cf-token/)
  })

  it('returns per-field errors and saves nothing for invalid values', () => {
    const { service } = open()
    const result = service.update({ report: { timezone: 'Mars/Olympus', lookbackHours: 0 } })
    expect(result.saved).toBe(false)
    if (result.saved) return
    expect(result.fieldErrors.map((error) => error.path).sort()).toEqual(['report.lookbackHours', 'report.timezone'])
    expect(service.read().report.timezone).toBe('UTC')
  })

  it('backs up a corrupt file, starts with defaults and says where the copy is', () => {
    writeFileSync(path.join(dir, 'config.json'), '{"unifi": {"url": "https://keep.me"', 'utf8')
    const { service, logger } = open()
    const view = service.view()
    expect(view.recovery?.backupPath).toMatch(/config\.corrupt-2023-11-14T22-13-20-000Z\.json$/)
    expect(view.recovery?.message).toContain(view.recovery?.backupPath)
    expect(readFileSync(view.recovery!.backupPath, 'utf8')).toContain('keep.me')
    expect(service.read().unifi.url).toBeUndefined()
    expect(logger.records.some((record) => record.message.includes('backed up'))).toBe(true)
    expect(readdirSync(dir).filter((name) => name.startsWith('config.corrupt-'))).toHaveLength(1)
  })

  it('backs up a file with invalid values the same way', () => {
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ schemaVersion: 1, breaker: { failMax: 0 } }))
    expect(open().service.view().recovery).not.toBeNull()
  })

  it('moves secrets found in an old plain file into the vault and off the plain file', () => {
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ unifi: { url: 'https://u', apiKey: 'old-key-secret' } }),
    )
    const { service } = open()
    expect(service.read().unifi.apiKey).toBe('old-key-secret')
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).not.toContain('old-key-secret')
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 })
  })

  it('migrates Cloudflare settings and its encrypted token from the old paths once, keeping copies first', () => {
    const safeStorage = fakeSafeStorage()
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ schemaVersion: 1, unifi: { url: 'https://u' }, cloudflare: { accountId: 'acc-1' } }),
    )
    const cipher = safeStorage.encryptString('cf-token-secret').toString('base64')
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ 'cloudflare.apiToken': cipher }))

    const { service } = open(safeStorage)
    expect(service.read().integrations['cloudflare']).toEqual({ accountId: 'acc-1', apiToken: 'cf-token-secret' })
    expect(service.view().secretsSet['integrations.cloudflare.apiToken']).toBe(true)
    const plain = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>
    expect(plain).toMatchObject({ schemaVersion: 2, integrations: { cloudflare: { accountId: 'acc-1' } } })
    expect(plain).not.toHaveProperty('cloudflare')
    const secrets = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as Record<string, unknown>
    expect(Object.keys(secrets)).toEqual(['integrations.cloudflare.apiToken'])
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain('cf-token-secret')

    const copies = readdirSync(dir)
      .filter((name) => name.includes('-2023-'))
      .sort()
    expect(copies).toEqual([
      'config.v1-2023-11-14T22-13-20-000Z.json',
      'secrets.pre-migration-2023-11-14T22-13-20-000Z.json',
    ])
    expect(readFileSync(path.join(dir, copies[0]!), 'utf8')).toContain('"cloudflare"')
    expect(readFileSync(path.join(dir, copies[1]!), 'utf8')).toContain('"cloudflare.apiToken"')

    // Once: a second start finds nothing to migrate and keeps no further copies.
    const again = open(safeStorage, 1_800_000_000_000).service
    expect(again.read().integrations['cloudflare']?.['apiToken']).toBe('cf-token-secret')
    expect(readdirSync(dir).filter((name) => name.includes('-2027-'))).toEqual([])
  })

  it('keeps secrets for this session only when the OS has no real encryption (basic_text)', () => {
    const weak = fakeSafeStorage('basic_text')
    const { service } = open(weak)
    service.setSecret('unifi.apiKey', 'session-key-secret')
    expect(service.read().unifi.apiKey).toBe('session-key-secret')
    expect(service.view().secretStorage).toMatchObject({ mode: 'session-only', encryptionAvailable: false })
    expect(service.view().secretStorage?.warning).toMatch(/basic_text/)
    expect(() => service.setSessionOnly(false)).toThrow(/keyring/)
    // Nothing reached the disk, so a restart has forgotten it.
    expect(open(weak).service.read().unifi.apiKey).toBeUndefined()
  })

  it('moves secrets into memory when the admin chooses session-only, and back when they change their mind', () => {
    const { service } = open()
    service.setSecret('unifi.apiKey', 'switch-key-secret')
    service.setSessionOnly(true)
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toMatch(/"unifi.apiKey"/)
    expect(service.read().unifi.apiKey).toBe('switch-key-secret')
    service.setSessionOnly(false)
    expect(open().service.read().unifi.apiKey).toBe('switch-key-secret')
  })

  it('backs up an unreadable secrets file and asks for the secrets again instead of clearing them silently', () => {
    writeFileSync(path.join(dir, 'secrets.json'), '{"unifi.password": "AAAA', 'utf8')
    const { service } = open()
    const alerts = service.view().secretAlerts ?? []
    expect(alerts.map((alert) => alert.id)).toEqual(['secrets-file-unreadable'])
    expect(alerts[0]?.message).toMatch(/re-enter your UniFi password/)
    const backups = readdirSync(dir).filter((name) => name.startsWith('secrets.corrupt-'))
    expect(backups).toHaveLength(1)
    expect(readFileSync(path.join(dir, backups[0]!), 'utf8')).toBe('{"unifi.password": "AAAA')
    service.setSecret('unifi.password', 'entered-again')
    expect(service.view().secretAlerts).toEqual([])
  })

  it('keeps a secret it cannot decrypt and says which one to enter again', () => {
    const first = open().service
    first.setSecret('unifi.password', 'hunter2-secret')
    const broken: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      },
    }
    const { service } = open(broken)
    expect(service.view().secretAlerts).toEqual([
      { id: 'secrets-undecryptable', message: expect.stringMatching(/re-enter your UniFi password/) as unknown },
    ])
    // The ciphertext stays on disk: a keyring that comes back makes it readable again.
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toContain('unifi.password')
    expect(open().service.read().unifi.password).toBe('hunter2-secret')
  })
})
