import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
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

/**
 * The unpacked app `npm run dist:dir` writes (dist/<os>-unpacked), when one has been built on this machine.
 * Its inspect fuse is off, so Playwright cannot drive it: it is started as a user would, and checked from outside.
 */
function packagedApp(): { executable: string; resources: string; fuseFile: string } | null {
  const dist = path.resolve(process.cwd(), 'dist')
  const mac = path.join(dist, process.arch === 'arm64' ? 'mac-arm64' : 'mac', 'UniFi Scanner.app')
  const layouts: Partial<Record<NodeJS.Platform, { executable: string; resources: string; fuseFile: string }>> = {
    linux: {
      executable: path.join(dist, 'linux-unpacked', 'unifi-scanner'),
      resources: path.join(dist, 'linux-unpacked', 'resources'),
      fuseFile: path.join(dist, 'linux-unpacked', 'unifi-scanner'),
    },
    win32: {
      executable: path.join(dist, 'win-unpacked', 'UniFi Scanner.exe'),
      resources: path.join(dist, 'win-unpacked', 'resources'),
      fuseFile: path.join(dist, 'win-unpacked', 'UniFi Scanner.exe'),
    },
    darwin: {
      executable: path.join(mac, 'Contents', 'MacOS', 'UniFi Scanner'),
      resources: path.join(mac, 'Contents', 'Resources'),
      fuseFile: mac,
    },
  }
  const layout = layouts[process.platform]
  return layout && existsSync(layout.executable) ? layout : null
}

const packaged = packagedApp()
if (packaged === null) console.log('electron smoke: packaged layout skipped, no unpacked app (run "npm run dist:dir")')

test('the packaged app has its fuses set, its resources beside the asar, and refuses to run as Node', async () => {
  test.skip(packaged === null, 'no unpacked app in dist/')
  const app = packaged!
  const wire = await getCurrentFuseWire(app.fuseFile)
  const state = (fuse: FuseV1Options) => String.fromCharCode(Number(wire[fuse]))
  expect(state(FuseV1Options.RunAsNode)).toBe('0')
  expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
  expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
  expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
  expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
  expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1')
  expect(existsSync(path.join(app.resources, 'app.asar'))).toBe(true)
  expect(existsSync(path.join(app.resources, 'tray', 'tray-idle.png'))).toBe(true)

  // With RunAsNode off the variable is ignored: the binary starts the tray app instead of evaluating the script.
  const userData = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-packaged-'))
  const child = spawn(app.executable, [`--user-data-dir=${userData}`, '-e', 'process.stdout.write("ran-as-node")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '--require=/nonexistent-preload.js' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
  child.kill()
  await exited
  expect(output).not.toContain('ran-as-node')
  expect(output).not.toContain('nonexistent-preload')
})
