import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { createMemoryLogger } from '../../src/core/logger.js'
import { createFileSettingsService } from '../../src/main/settings/create-settings-service.js'
import type { KeyValueStore } from '../../src/main/settings/key-value-store.js'
import { memoryKeyValueStore } from '../../src/main/settings/key-value-store.js'
import type { SimulatedController } from '../../src/simulator/unifi/index.js'
import {
  expectAccessible,
  openDesktop,
  rendererBoundText,
  screenshotBothSchemes,
  startDesktopBackdrop,
} from './desktop-harness.js'
import type { StaticServer } from './static-server.js'

type Controller = SimulatedController

let server: StaticServer
let controller: Controller

test.beforeAll(async () => {
  ;({ server, controller } = await startDesktopBackdrop())
})

test.afterAll(async () => {
  await controller?.close()
  await server?.close()
})

test('entering credentials, testing the connection, trusting the self-signed fingerprint and picking a site', async ({
  page,
}, testInfo) => {
  const app = await openDesktop(page, server)
  try {
    await page.getByRole('tab', { name: 'Settings' }).click()
    await page.getByLabel('Controller URL').fill(controller.url)
    await expect(page.getByTestId('unifi-missing')).toHaveText('API key')
    await page.getByTestId('unifi-api-key').locator('input').fill(controller.credentials.apiKey)
    await expect(page.getByTestId('unifi-config')).toContainText('fully configured')

    // The simulator's console presents a self-signed certificate: nothing is trusted without the admin.
    await page.getByRole('button', { name: 'Test connection', exact: true }).click()
    const prompt = page.getByTestId('trust-prompt')
    await expect(prompt).toBeVisible()
    const shown = (await page.getByTestId('trust-fingerprint').textContent()) ?? ''
    expect(shown.replace(/[^0-9A-F]/g, '')).toBe(controller.fingerprint.replace(/:/g, ''))
    expect(app.settings.read().unifi.tlsFingerprint).toBeUndefined()
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'settings-trust-prompt')

    await prompt.getByRole('button', { name: 'Trust this certificate' }).click()
    // Trusting pins the fingerprint and tests again on its own.
    const connected = page.getByTestId('unifi-connected')
    await expect(connected).toContainText('Connected')
    await expect(connected).toContainText('UniFi OS console')
    expect(app.settings.read().unifi.tlsFingerprint).toBe(controller.fingerprint)
    await expect(page.getByTestId('pinned-fingerprint')).toBeVisible()

    await connected.getByLabel('Site').selectOption('default')
    await connected.getByRole('button', { name: 'Use this site' }).click()
    await expect(page.getByTestId('unifi-site')).toContainText('default')

    await page.getByRole('button', { name: 'Save UniFi settings' }).click()
    await expect(page.getByTestId('save-unifi-message')).toHaveText('UniFi settings saved.')
    await expect(page.getByTestId('unifi-api-key-state')).toHaveText('Set')
    const saved = app.settings.read().unifi
    expect(saved).toMatchObject({ url: controller.url, site: 'default', apiKey: controller.credentials.apiKey })
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'settings-connected')

    // A saved change resets the card to "not checked"; testing the saved connection marks it connected.
    await page.getByRole('button', { name: 'Test connection', exact: true }).click()
    await expect(connected).toContainText('Connected')
    await page.getByRole('tab', { name: 'Status' }).click()
    await expect(page.getByTestId('card-unifi-config')).toHaveText('Configured')
    await expect(page.getByTestId('card-unifi-connection')).toHaveText('Connected')

    // The key went renderer → main once; nothing main sent back (answers, pushes) ever carried it.
    expect(app.traffic.some((t) => t.direction === 'push' && t.channel === 'settings:changed')).toBe(true)
    expect(rendererBoundText(app.traffic)).not.toContain(controller.credentials.apiKey)
  } finally {
    await app.close()
  }
})

test('local admin login: MFA guidance, password stored write-only, wrong password explained', async ({ page }) => {
  const app = await openDesktop(page, server, { settings: { unifi: { tlsFingerprint: controller.fingerprint } } })
  try {
    await page.getByRole('tab', { name: 'Settings' }).click()
    await page.getByLabel('Controller URL').fill(controller.url)
    await page.getByRole('radio', { name: 'Local admin account' }).check()
    await expect(page.getByTestId('mfa-guidance')).toContainText('multi-factor authentication')
    await expect(page.getByTestId('unifi-missing')).toHaveText('UsernamePassword')
    await page.getByLabel('Username').fill(controller.credentials.username)
    await page.getByLabel('Password', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Test connection', exact: true }).click()
    await expect(page.getByTestId('unifi-test-result')).toContainText('Connection failed (auth)')

    // The password is bound to the address it is saved with, so the address is saved together with it: a stored
    // password is never sent to an address typed after it.
    await page.getByLabel('Password', { exact: true }).fill(controller.credentials.password)
    await page.getByRole('button', { name: 'Save UniFi settings' }).click()
    await expect(page.getByTestId('save-unifi-message')).toHaveText('UniFi settings saved.')
    await expect(page.getByTestId('unifi-password-state')).toHaveText('Set')
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
    await page.getByRole('button', { name: 'Test connection', exact: true }).click()
    await expect(page.getByTestId('unifi-connected')).toContainText('Local admin account')

    const text = rendererBoundText(app.traffic)
    expect(text).not.toContain(controller.credentials.password)
    expect(text).not.toContain('not-the-password')
  } finally {
    await app.close()
  }
})

test('missing-field lists and partial warnings, in the forms and on the live cards', async ({ page }, testInfo) => {
  const app = await openDesktop(page, server, {
    settings: {
      unifi: { url: 'https://192.0.2.10' },
      integrations: { cloudflare: { accountId: 'acc-1', zones: ['example.com'] } },
    },
  })
  try {
    await expect(page.getByTestId('card-unifi-missing')).toContainText('API key')
    await expect(page.getByTestId('card-cloudflare-config')).toHaveText('Partial')
    await expect(page.getByTestId('card-cloudflare-missing')).toContainText('API token')
    await expect(page.getByTestId('card-cybersecure-missing')).toContainText('UniFi credentials')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-partial')

    await page.getByRole('tab', { name: 'Settings' }).click()
    await expect(page.getByTestId('unifi-missing')).toHaveText('API key')
    await expect(page.getByTestId('cloudflare-missing')).toHaveText('API token')
    await expect(page.getByTestId('cybersecure-missing')).toContainText('UniFi credentials')

    // Storing the token completes Cloudflare; main recomputes its card and pushes it.
    await page.getByLabel('API token').fill('cf-token-e2e-not-real')
    await expect(page.getByTestId('cloudflare-config')).toContainText('fully configured')
    await page.getByRole('button', { name: 'Save API token' }).click()
    await expect(page.getByTestId('cloudflare-apiToken-state')).toHaveText('Set')
    await page.getByRole('tab', { name: 'Status' }).click()
    await expect(page.getByTestId('card-cloudflare-config')).toHaveText('Configured')
    expect(rendererBoundText(app.traffic)).not.toContain('cf-token-e2e-not-real')

    // Invalid values are refused inline before anything is sent.
    await page.getByRole('tab', { name: 'Settings' }).click()
    await page.getByLabel('Look-back (hours)').fill('0')
    await page.getByRole('button', { name: 'Save report settings' }).click()
    await expect(page.getByLabel('Look-back (hours)')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Must be at least 1.')).toBeVisible()
    expect(app.traffic.some((t) => t.channel === 'settings:update')).toBe(false)
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'settings-partial')
  } finally {
    await app.close()
  }
})

/** A JSON file store like electron-store's, for the file-backed settings service. */
function jsonFileStore(file: string): KeyValueStore {
  return {
    path: file,
    get store() {
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
    },
    set store(value: Record<string, unknown>) {
      writeFileSync(file, JSON.stringify(value))
    },
  }
}

test('a corrupt settings file is backed up, defaults are used, and the window says so', async ({ page }, testInfo) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-corrupt-'))
  const file = path.join(dir, 'config.json')
  writeFileSync(file, '{"schemaVersion": 1, "unifi": {"url": "https://10.0.0.1"')
  const settingsService = createFileSettingsService({
    file,
    createPlainStore: () => jsonFileStore(file),
    secretFile: path.join(dir, 'secrets.json'),
    createSecretStore: () => memoryKeyValueStore(),
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: (text) => Buffer.from(text, 'utf8'),
      decryptString: (data) => data.toString('utf8'),
      getSelectedStorageBackend: () => 'basic_text',
    },
    logger: createMemoryLogger(),
    now: () => Date.UTC(2026, 10, 28, 12),
  })
  const app = await openDesktop(page, server, { settingsService })
  try {
    const banner = page.getByTestId('notice-recovered')
    await expect(banner).toContainText('Settings were reset')
    const backup = settingsService.view().recovery?.backupPath ?? ''
    expect(existsSync(backup)).toBe(true)
    expect(readFileSync(backup, 'utf8')).toContain('https://10.0.0.1')
    await expect(banner).toContainText(backup)
    // No OS encryption here (basic_text): secrets are kept for this session only, and the window says so.
    await expect(page.getByTestId('notice-secrets')).toContainText('Secrets are kept for this session only')
    await expect(page.getByTestId('notice-secrets')).toContainText('basic_text')
    await expectAccessible(page)
    await screenshotBothSchemes(page, testInfo, 'status-recovered')
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
