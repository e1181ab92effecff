import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { APP_ID, PRODUCT_NAME, startedHidden } from '../../../src/main/app/app-identity.js'
import { askStartAtLoginOnce } from '../../../src/main/app/login-prompt.js'
import { lacksTrayHost, parseNameHasOwner, dbusTrayHostProbe } from '../../../src/main/app/tray-host.js'

const root = path.resolve(import.meta.dirname, '../../..')

describe('app identity', () => {
  it('the AppUserModelID main sets is the installer’s appId (Windows notifications need both equal)', () => {
    const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      appId: string
      productName: string
    }
    expect(APP_ID).toBe(config.appId)
    expect(PRODUCT_NAME).toBe(config.productName)
  })

  it('a login-item start is hidden', () => {
    expect(startedHidden(['/opt/app', '--hidden'], false)).toBe(true)
    expect(startedHidden(['/opt/app'], true)).toBe(true)
    expect(startedHidden(['/opt/app', '--open-settings'], false)).toBe(false)
  })
})

describe('start at login: asked once, never enabled silently', () => {
  function loginItem(initial = false) {
    const changes: boolean[] = []
    let enabled = initial
    return {
      changes,
      item: {
        isEnabled: () => enabled,
        setEnabled: (next: boolean) => {
          enabled = next
          changes.push(next)
        },
      },
    }
  }

  it('asks on the first packaged start, enables only on yes, and never asks again', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-login-'))
    const { item, changes } = loginItem()
    let asked = 0
    const deps = { dataDir, isPackaged: true, loginItem: item, logger: createMemoryLogger() }
    expect(await askStartAtLoginOnce({ ...deps, ask: () => (asked++, Promise.resolve(true)) })).toBe(true)
    expect(changes).toEqual([true])
    expect(existsSync(path.join(dataDir, 'start-at-login-asked'))).toBe(true)
    expect(await askStartAtLoginOnce({ ...deps, ask: () => (asked++, Promise.resolve(true)) })).toBe(false)
    expect(asked).toBe(1)
  })

  it('"Not now" leaves it off and is remembered too', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-login-'))
    const { item, changes } = loginItem()
    const deps = { dataDir, isPackaged: true, loginItem: item, logger: createMemoryLogger() }
    await askStartAtLoginOnce({ ...deps, ask: () => Promise.resolve(false) })
    expect(changes).toEqual([])
    expect(await askStartAtLoginOnce({ ...deps, ask: () => Promise.reject(new Error('asked twice')) })).toBe(false)
  })

  it('never asks in an unpackaged build, nor when it is already on', async () => {
    const never = () => Promise.reject(new Error('must not ask'))
    const dev = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-login-'))
    const { item } = loginItem()
    const logger = createMemoryLogger()
    expect(await askStartAtLoginOnce({ dataDir: dev, isPackaged: false, loginItem: item, ask: never, logger })).toBe(
      false,
    )
    expect(existsSync(path.join(dev, 'start-at-login-asked'))).toBe(false)
    const on = loginItem(true)
    expect(await askStartAtLoginOnce({ dataDir: dev, isPackaged: true, loginItem: on.item, ask: never, logger })).toBe(
      false,
    )
    expect(on.changes).toEqual([])
  })
})

describe('Linux tray host', () => {
  it('reads the bus’s NameHasOwner answer', () => {
    expect(parseNameHasOwner('method return time=1 sender=org.freedesktop.DBus\n   boolean true\n')).toBe(true)
    expect(parseNameHasOwner('   boolean false\n')).toBe(false)
    expect(parseNameHasOwner('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull()
  })

  it('runs window-only only on Linux when the bus says there is no host', async () => {
    expect(await lacksTrayHost('linux', () => Promise.resolve(false))).toBe(true)
    expect(await lacksTrayHost('linux', () => Promise.resolve(true))).toBe(false)
    expect(await lacksTrayHost('linux', () => Promise.resolve(null))).toBe(false)
    expect(await lacksTrayHost('win32', () => Promise.resolve(false))).toBe(false)
  })

  it('without a session bus there is no host', async () => {
    expect(await dbusTrayHostProbe({})()).toBe(false)
  })
})
