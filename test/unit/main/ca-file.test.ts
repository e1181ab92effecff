import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createPush } from '../../../src/main/ipc/push.js'
import { createMainServices } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { PAGE_URL, TRUSTED } from './helpers.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-ca-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function servicesChoosing(file: string | null) {
  const services = createMainServices({
    settings: createMemorySettingsService({ unifi: { url: 'https://192.0.2.1' } }),
    runner: null,
    appInfo: () => ({ name: 'u', version: '0', platform: 'linux', electronVersion: null, reportsDir: dir }),
    push: createPush(() => []),
    pageUrl: PAGE_URL,
    logger: createMemoryLogger(),
    dataDir: dir,
    reportsDir: () => dir,
    dialogs: { chooseFolder: () => Promise.resolve(dir), chooseCaFile: () => Promise.resolve(file) },
  })
  services.trustedSenders.add(TRUSTED.webContentsId)
  return services
}

describe('unifi:use-ca-file and dialog:choose-folder (dialogs scripted)', () => {
  it('saves a PEM CA file chosen in the main-side dialog', async () => {
    const file = path.join(dir, 'ca.pem')
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')
    const services = servicesChoosing(file)
    const result = await services.dispatch('unifi:use-ca-file', TRUSTED, undefined)
    expect(result).toMatchObject({ ok: true, value: { path: file, settings: { unifi: { caFile: file } } } })
    // The folder dialog saves its choice in main: the renderer never sends a path.
    expect(await services.dispatch('dialog:choose-folder', TRUSTED, undefined)).toMatchObject({
      ok: true,
      value: { path: dir, settings: { report: { outputDir: dir } } },
    })
    expect(services.settings.read().report.outputDir).toBe(dir)
    expect(await services.dispatch('settings:update', TRUSTED, { report: { outputDir: '/etc' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    expect(await services.dispatch('settings:update', TRUSTED, { unifi: { caFile: '/etc/shadow' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    expect(await services.dispatch('settings:update', TRUSTED, { report: { outputDir: '' } })).toMatchObject({
      ok: true,
      value: { saved: true },
    })
    expect(services.settings.read().report.outputDir).toBeUndefined()
    await services.close()
  })

  it('refuses a file that is not a PEM certificate, and a cancelled dialog changes nothing', async () => {
    const file = path.join(dir, 'notes.txt')
    writeFileSync(file, 'hello')
    const refusing = servicesChoosing(file)
    expect(await refusing.dispatch('unifi:use-ca-file', TRUSTED, undefined)).toMatchObject({
      ok: false,
      error: { code: 'CA_FILE_INVALID' },
    })
    expect(refusing.settings.read().unifi.caFile).toBeUndefined()
    await refusing.close()
    const cancelled = servicesChoosing(null)
    expect(await cancelled.dispatch('unifi:use-ca-file', TRUSTED, undefined)).toMatchObject({
      ok: true,
      value: { path: null },
    })
    await cancelled.close()
  })
})
