import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Ajv } from 'ajv'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)

interface TargetEntry {
  target: string
  arch: string[]
}
interface BuilderConfig {
  appId: string
  productName: string
  artifactName: string
  asar: boolean
  files: string[]
  afterPack: string
  extraResources: Array<{ from: string; to: string; filter: string[] }>
  publish: { provider: string; owner: string; repo: string }
  directories: { buildResources: string; output: string }
  mac: {
    target: TargetEntry[]
    hardenedRuntime: boolean
    entitlements: string
    entitlementsInherit: string
    icon: string
    extendInfo: Record<string, unknown>
  }
  win: { target: TargetEntry[]; icon: string }
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean; artifactName: string }
  linux: { target: TargetEntry[]; icon: string }
  dmg: { artifactName: string }
}

function loadConfig(): BuilderConfig {
  return yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig
}

/** electron-builder's own JSON schema, the file it validates every configuration against before building. */
function builderSchemaValidator() {
  const schemaFile = require.resolve('app-builder-lib/scheme.json')
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true })
  return ajv.compile(schema)
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema (scheme.json)", () => {
    const validate = builderSchemaValidator()
    const valid = validate(loadConfig())
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('the same validator rejects a misspelt or misplaced option', () => {
    const validate = builderSchemaValidator()
    expect(validate({ ...loadConfig(), appID: 'x' })).toBe(false)
    expect(validate({ ...loadConfig(), nsis: { ...loadConfig().nsis, perUser: true } })).toBe(false)
  })

  it('targets: AppImage and deb, per-user NSIS without elevation, dmg for arm64 and x64 with hardened runtime', () => {
    const config = loadConfig()
    const targets = (entries: TargetEntry[]) => entries.map((entry) => `${entry.target}:${entry.arch.join('+')}`)
    expect(targets(config.linux.target)).toEqual(['AppImage:x64', 'deb:x64'])
    expect(targets(config.win.target)).toEqual(['nsis:x64'])
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false })
    expect(targets(config.mac.target)).toContain('dmg:arm64+x64')
    // electron-updater installs macOS updates from the zip.
    expect(targets(config.mac.target)).toContain('zip:arm64+x64')
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.extendInfo).toMatchObject({ LSUIElement: true })
  })

  it('names artifacts with version and arch, and every resource it refers to exists', () => {
    const config = loadConfig()
    for (const name of [config.artifactName, config.nsis.artifactName, config.dmg.artifactName]) {
      expect(name).toContain('${version}')
      expect(name).toContain('${arch}')
    }
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/)
    expect(config.directories.buildResources).toBe('build')
    for (const file of [config.mac.icon, config.win.icon, config.linux.icon, config.mac.entitlements]) {
      expect(existsSync(path.join(root, file)), file).toBe(true)
    }
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
    const entitlements = readFileSync(path.join(root, config.mac.entitlements), 'utf8')
    expect(entitlements).toContain('com.apple.security.cs.allow-jit')
    // Nothing the app does not use (camera, microphone, unsigned memory, library validation off).
    expect(entitlements.match(/<key>/g)).toHaveLength(1)
    expect(existsSync(path.join(root, config.afterPack))).toBe(true)
    expect(config.publish).toMatchObject({ provider: 'github' })
  })

  it('ships the tray icons beside the asar, where the packaged app looks for them', () => {
    const [tray] = loadConfig().extraResources
    expect(tray).toMatchObject({ from: 'resources/tray', to: 'tray' })
    for (const state of ['idle', 'running', 'attention', 'error']) {
      expect(existsSync(path.join(root, 'resources/tray', `tray-${state}.png`))).toBe(true)
      expect(existsSync(path.join(root, 'resources/tray', `tray-${state}.ico`))).toBe(true)
    }
  })

  it('puts only the built app in the asar: no sources, tests, maps or benchmark', () => {
    const config = loadConfig()
    expect(config.asar).toBe(true)
    const included = config.files.filter((pattern) => !pattern.startsWith('!'))
    expect(included).toEqual([
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'out/cli/**',
      'out/ipdb/ip-network.bin.gz',
    ])
    const excluded = config.files.filter((pattern) => pattern.startsWith('!'))
    expect(excluded).toEqual(expect.arrayContaining(['!out/bench/**', '!**/*.map']))
  })
})
