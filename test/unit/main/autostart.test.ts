import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { autostartDir, desktopEntry, XdgAutostart } from '../../../src/main/app/autostart.js'

let home = ''
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-home-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

const entry = { id: 'unifi-scanner', name: 'UniFi Scanner', exec: '/opt/UniFi Scanner/unifi-scanner', comment: 'c' }

describe('XDG autostart', () => {
  it('uses $XDG_CONFIG_HOME when absolute, ~/.config otherwise', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/x/cfg' }, home)).toBe('/x/cfg/autostart')
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, home)).toBe(path.join(home, '.config', 'autostart'))
    expect(autostartDir({}, home)).toBe(path.join(home, '.config', 'autostart'))
  })

  it('writes a valid desktop entry with a quoted Exec and removes it again', () => {
    const autostart = new XdgAutostart(autostartDir({}, home), entry)
    expect(autostart.isEnabled()).toBe(false)
    autostart.setEnabled(true)
    expect(autostart.isEnabled()).toBe(true)
    const text = readFileSync(autostart.file, 'utf8')
    expect(text.split('\n')[0]).toBe('[Desktop Entry]')
    expect(text).toContain('Type=Application')
    expect(text).toContain('Exec="/opt/UniFi Scanner/unifi-scanner" --hidden')
    autostart.setEnabled(false)
    expect(existsSync(autostart.file)).toBe(false)
    expect(autostart.isEnabled()).toBe(false)
    // Disabling twice is harmless.
    autostart.setEnabled(false)
  })

  it('treats an entry the desktop hid (Hidden=true) as disabled', () => {
    const autostart = new XdgAutostart(autostartDir({}, home), entry)
    autostart.setEnabled(true)
    writeFileSync(autostart.file, `${readFileSync(autostart.file, 'utf8')}Hidden=true\n`)
    expect(autostart.isEnabled()).toBe(false)
  })

  it('keeps names on one line so a value cannot add keys', () => {
    expect(desktopEntry({ ...entry, name: 'A\nExec=evil' })).not.toMatch(/^Exec=evil/m)
  })
})
