import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { SENTINEL as LIBRARY_SENTINEL } from '@electron/fuses/dist/constants.js'
import { describe, expect, it } from 'vitest'
import afterPack, { FUSES, electronBinaryPath } from '../../../scripts/after-pack.mjs'

/** The marker @electron/fuses searches the binary for; the wire (version, length, one byte per fuse) follows it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron 45's shipped defaults for the 8 fuses @electron/fuses 1.8 knows, plus one newer fuse it does not.
const SHIPPED_WIRE = '101100011'

function fakeBinary(copies = 1): Buffer {
  const wire = Buffer.concat([
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, SHIPPED_WIRE.length]),
    Buffer.from(SHIPPED_WIRE),
  ])
  const filler = (size: number) => Buffer.alloc(size, 0xcc)
  const parts = [filler(4096)]
  for (let index = 0; index < copies; index += 1) parts.push(wire, filler(2048))
  return Buffer.concat(parts)
}

function wireAfter(file: string, occurrence: 'first' | 'last' = 'first'): string {
  const bytes = readFileSync(file)
  const at = occurrence === 'first' ? bytes.indexOf(SENTINEL) : bytes.lastIndexOf(SENTINEL)
  const start = at + SENTINEL.length
  expect(bytes[start]).toBe(1)
  return bytes.subarray(start + 2, start + 2 + bytes[start + 1]!).toString('ascii')
}

/** '1' enabled / '0' disabled per FuseV1Options index, as the hook must leave the wire. */
const EXPECTED_WIRE = (() => {
  const wire = SHIPPED_WIRE.split('')
  for (const [name, enabled] of Object.entries(FUSES)) {
    wire[FuseV1Options[name as keyof typeof FuseV1Options]] = enabled ? '1' : '0'
  }
  return wire.join('')
})()

function context(appOutDir: string, electronPlatformName: string) {
  return {
    appOutDir,
    electronPlatformName,
    arch: 1,
    packager: { appInfo: { productFilename: 'UniFi Scanner' }, executableName: 'unifi-scanner' },
  }
}

describe('afterPack fuse hook', () => {
  it('sets exactly the hardening fuses', () => {
    expect(SENTINEL).toBe(LIBRARY_SENTINEL)
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    })
    // RunAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, asar only, V8 snapshot (kept), file://.
    expect(EXPECTED_WIRE).toBe('010011001')
  })

  it('flips them in a Linux app folder and leaves the rest of the binary alone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-linux-unpacked-'))
    const binary = path.join(dir, 'unifi-scanner')
    const before = fakeBinary()
    writeFileSync(binary, before, { mode: 0o755 })
    await afterPack(context(dir, 'linux'))
    expect(wireAfter(binary)).toBe(EXPECTED_WIRE)
    const after = readFileSync(binary)
    expect(after.length).toBe(before.length)
    const changed = [...after].flatMap((byte, index) => (byte === before[index] ? [] : [index]))
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2
    expect(changed.every((index) => index >= wireStart && index < wireStart + SHIPPED_WIRE.length)).toBe(true)
  })

  it('finds the Windows executable by product name', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-win-unpacked-'))
    writeFileSync(path.join(dir, 'UniFi Scanner.exe'), fakeBinary())
    await afterPack(context(dir, 'win32'))
    expect(wireAfter(path.join(dir, 'UniFi Scanner.exe'))).toBe(EXPECTED_WIRE)
  })

  it('flips both slices of a macOS framework (universal binaries carry two wires)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-mac-'))
    const framework = path.join(dir, 'UniFi Scanner.app', 'Contents', 'Frameworks', 'Electron Framework.framework')
    mkdirSync(framework, { recursive: true })
    writeFileSync(path.join(framework, 'Electron Framework'), fakeBinary(2))
    await afterPack(context(dir, 'darwin'))
    expect(wireAfter(path.join(framework, 'Electron Framework'), 'first')).toBe(EXPECTED_WIRE)
    expect(wireAfter(path.join(framework, 'Electron Framework'), 'last')).toBe(EXPECTED_WIRE)
  })

  it('fails the build on a binary without the fuse wire', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-nofuse-'))
    writeFileSync(path.join(dir, 'unifi-scanner'), Buffer.alloc(1024, 0xcc))
    await expect(afterPack(context(dir, 'linux'))).rejects.toThrow(/sentinel/)
  })

  it('names the file that holds the wire per platform', () => {
    const input = { appOutDir: '/o', productFilename: 'UniFi Scanner', executableName: 'unifi-scanner' }
    expect(electronBinaryPath({ ...input, electronPlatformName: 'linux' })).toBe(path.join('/o', 'unifi-scanner'))
    expect(electronBinaryPath({ ...input, electronPlatformName: 'win32' })).toBe(path.join('/o', 'UniFi Scanner.exe'))
    expect(electronBinaryPath({ ...input, electronPlatformName: 'darwin' })).toBe(path.join('/o', 'UniFi Scanner.app'))
  })
})
