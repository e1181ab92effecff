import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NO_ELECTRON_MESSAGE, findElectronDist } from '../../../scripts/electron-dist.mjs'

const root = path.resolve(import.meta.dirname, '../../..')

function electronPackage(options: { pathTxt?: string; binary?: string }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-electron-pkg-'))
  if (options.pathTxt !== undefined) writeFileSync(path.join(dir, 'path.txt'), options.pathTxt)
  if (options.binary !== undefined) {
    const file = path.join(dir, 'dist', options.binary)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, '')
  }
  return dir
}

describe('findElectronDist', () => {
  it('finds the binary npm installed (path.txt names it inside dist/)', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' })
    expect(findElectronDist({ electronDir: dir, env: {}, platform: 'linux' })).toBe(path.join(dir, 'dist'))
    const mac = electronPackage({
      pathTxt: 'Electron.app/Contents/MacOS/Electron',
      binary: 'Electron.app/Contents/MacOS/Electron',
    })
    expect(findElectronDist({ electronDir: mac, env: {}, platform: 'darwin' })).toBe(path.join(mac, 'dist'))
  })

  it('is null without path.txt and binary (the package as installed without its download)', () => {
    expect(findElectronDist({ electronDir: electronPackage({}), env: {}, platform: 'linux' })).toBeNull()
    expect(findElectronDist({ electronDir: electronPackage({ pathTxt: 'electron' }), env: {} })).toBeNull()
    expect(findElectronDist({ electronDir: electronPackage({ pathTxt: '../../bin/sh' }), env: {} })).toBeNull()
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH like Electron itself', () => {
    const override = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-electron-dist-'))
    writeFileSync(path.join(override, 'electron.exe'), '')
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override }
    expect(findElectronDist({ electronDir: electronPackage({}), env, platform: 'win32' })).toBe(override)
    expect(findElectronDist({ electronDir: electronPackage({}), env, platform: 'linux' })).toBeNull()
  })
})

describe('npm run dist without an Electron binary', () => {
  it.each([[[]], [['--dir']]])('prints one line and exits 1 (args %j)', (args) => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-no-electron-'))
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/dist.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`${NO_ELECTRON_MESSAGE}\n`)
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  })
})
