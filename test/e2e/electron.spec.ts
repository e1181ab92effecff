import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

/**
 * Launches the real app when an Electron binary is installed. Probed through files only: require('electron')
 * would start a download attempt on machines without the binary.
 */
function electronBinary(): string | null {
  const dir = path.resolve(process.cwd(), 'node_modules/electron')
  const pathFile = path.join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
if (binary === null)
  console.log('electron smoke: skipped, Electron binary not installed (run "node node_modules/electron/install.js")')

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
test('the packaged-style app starts, opens the settings window on first run and keeps it sandboxed', async ({}, testInfo) => {
  test.skip(binary === null, 'Electron binary not installed')
  const userData = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [`--user-data-dir=${userData}`, '.'],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { name: 'UniFi is not configured' })).toBeVisible()
    // Sandbox + context isolation: the page sees neither Node's require/process nor ipcRenderer, only window.api.
    const page = await window.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>
      return { require: typeof scope.require, process: typeof scope.process, api: Object.keys(scope.api ?? {}).length }
    })
    expect([page.require, page.process]).toEqual(['undefined', 'undefined'])
    expect(page.api).toBeGreaterThan(0)
    await window.screenshot({ path: testInfo.outputPath('electron.png') })
  } finally {
    await app.close()
  }
})

// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument destructured
test('"--open-settings" opens settings; a corrupt settings file is backed up and reported, no secret returned', async ({}, testInfo) => {
  test.skip(binary === null, 'Electron binary not installed')
  const userData = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-electron-'))
  writeFileSync(path.join(userData, 'config.json'), '{"unifi": {"url": "https://192.0.2.1", "apiKey": "k-', 'utf8')
  const app = await electron.launch({
    executablePath: binary!,
    args: [`--user-data-dir=${userData}`, '.', '--open-settings'],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  })
  try {
    const window = await app.firstWindow()
    const settings = await window.evaluate(async () => {
      const api = (globalThis as unknown as { api: { getSettings(): Promise<unknown> } }).api
      return JSON.stringify(await api.getSettings())
    })
    expect(settings).toContain('"ok":true')
    expect(settings).toContain('config.corrupt-')
    expect(settings).not.toContain('"apiKey"')
    expect(readdirSync(userData).some((name) => name.startsWith('config.corrupt-'))).toBe(true)
    await window.screenshot({ path: testInfo.outputPath('electron-settings.png') })
  } finally {
    await app.close()
  }
})
