import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/cli/config/load-config.js'
import { defaultDataDir, resolveDataDir, resolveReportsDir } from '../../../src/cli/config/data-dir.js'
import { ConfigError } from '../../../src/core/errors.js'

const FP = 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cli-config-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: string): Promise<string> {
  const target = path.join(dir, name)
  await writeFile(target, content)
  return target
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return (error as ConfigError).problems
}

describe('loadConfig', () => {
  it('reads the file, applies defaults and lets the environment win', async () => {
    const configFile = await file(
      'ok.json',
      JSON.stringify({
        unifi: { url: 'https://file.example', username: 'file-user', password: 'file-pass', site: 'default' },
        // The layout of settings schema 1 (a top-level `cloudflare` section) still loads.
        cloudflare: { zones: ['a.example'] },
        breaker: { failMax: 5, resetTimeoutMs: 1000, timeoutMs: 500 },
      }),
    )
    const { settings, secrets } = await loadConfig({
      configFile,
      env: {
        UNIFI_URL: 'https://env.example:8443',
        UNIFI_PASSWORD: 'env-pass',
        UNIFI_TLS_FINGERPRINT: FP,
        CLOUDFLARE_ZONES: 'x.example, y.example,,',
        CLOUDFLARE_API_TOKEN: 'cf-token',
        UNIFI_SITE: '',
      },
    })
    expect(settings.unifi.url).toBe('https://env.example:8443')
    expect(settings.unifi.username).toBe('file-user')
    expect(settings.unifi.password).toBe('env-pass')
    // An empty variable does not erase the file's value.
    expect(settings.unifi.site).toBe('default')
    expect(settings.unifi.tlsFingerprint).toBe(FP.toUpperCase())
    expect(settings.integrations['cloudflare']?.['zones']).toEqual(['x.example', 'y.example'])
    expect(settings.breaker).toEqual({ failMax: 5, resetTimeoutMs: 1000, timeoutMs: 500 })
    expect(settings.report.lookbackHours).toBe(24)
    expect(secrets.sort()).toEqual(['cf-token', 'env-pass'])
  })

  it('works from the environment alone', async () => {
    const { settings } = await loadConfig({ env: { UNIFI_URL: 'https://192.168.1.1', UNIFI_API_KEY: 'k' } })
    expect(settings.unifi.url).toBe('https://192.168.1.1')
    expect(settings.unifi.apiKey).toBe('k')
  })

  it('lists every problem at once, naming file paths and environment variables', async () => {
    const configFile = await file(
      'bad.json',
      JSON.stringify({
        breaker: { failMax: 0, resetTimeoutMs: 100, timeoutMs: 5000 },
        report: { format: 'pdf', timezone: 'Mars/Olympus' },
        integrations: { cloudflare: { apiUrl: 'not a url' } },
      }),
    )
    const problems = await problemsOf(loadConfig({ configFile, env: { UNIFI_TLS_FINGERPRINT: 'zz' } }))
    expect(problems).toHaveLength(6)
    expect(problems.join('\n')).toContain('UNIFI_TLS_FINGERPRINT (environment)')
    expect(problems.join('\n')).toContain(`${configFile}: breaker.failMax`)
    expect(problems.join('\n')).toContain(`${configFile}: report.format`)
    expect(problems.join('\n')).toContain(`${configFile}: report.timezone`)
    expect(problems.join('\n')).toContain(`${configFile}: integrations.cloudflare.apiUrl`)
    expect(problems.join('\n')).toContain(`${configFile}: breaker.timeoutMs`)
  })

  it('reports a missing file, invalid JSON and a non-object', async () => {
    expect(await problemsOf(loadConfig({ configFile: path.join(dir, 'nope.json'), env: {} }))).toEqual([
      expect.stringContaining('file not found'),
    ])
    expect(await problemsOf(loadConfig({ configFile: await file('broken.json', '{"unifi": '), env: {} }))).toEqual([
      expect.stringContaining('not valid JSON'),
    ])
    expect(await problemsOf(loadConfig({ configFile: await file('array.json', '[]'), env: {} }))).toEqual([
      expect.stringContaining('must contain a JSON object'),
    ])
  })

  it('still validates the environment when the file is unreadable', async () => {
    const problems = await problemsOf(
      loadConfig({ configFile: path.join(dir, 'nope.json'), env: { CLOUDFLARE_API_URL: 'nope' } }),
    )
    expect(problems).toHaveLength(2)
    expect(problems[1]).toContain('CLOUDFLARE_API_URL (environment)')
  })

  it('lists a missing controller address and login together with the schema problems', async () => {
    const configFile = await file('no-unifi.json', JSON.stringify({ report: { format: 'pdf' } }))
    const problems = await problemsOf(loadConfig({ configFile, env: { UNIFI_USERNAME: 'admin' }, requireUnifi: true }))
    expect(problems).toEqual([
      expect.stringContaining('UNIFI_URL'),
      expect.stringContaining('UNIFI_PASSWORD'),
      expect.stringContaining('report.format'),
    ])
  })

  it('warns about unknown keys instead of silently ignoring a typo', async () => {
    const configFile = await file('typo.json', JSON.stringify({ unifi: { passwrod: 'x' }, extra: true }))
    const { warnings } = await loadConfig({ configFile, env: {} })
    expect(warnings).toEqual([expect.stringContaining('"unifi.passwrod"'), expect.stringContaining('"extra"')])
  })

  it('refuses plain-http API bases except loopback, naming the variable', async () => {
    const problems = await problemsOf(
      loadConfig({ env: { CLOUDFLARE_API_URL: 'http://api.example.com/client/v4', UNIFI_URL: 'http://192.0.2.1' } }),
    )
    expect(problems).toEqual([
      expect.stringMatching(/^UNIFI_URL \(environment\): must use https:\/\//),
      expect.stringMatching(/^CLOUDFLARE_API_URL \(environment\): must use https:\/\//),
    ])
    const local = await loadConfig({ env: { CLOUDFLARE_API_URL: 'http://127.0.0.1:8787/client/v4' } })
    expect(local.settings.integrations['cloudflare']?.['apiUrl']).toBe('http://127.0.0.1:8787/client/v4')
  })

  it('treats credentials in a URL as a configuration error without repeating them', async () => {
    const configFile = await file(
      'userinfo.json',
      JSON.stringify({ unifi: { url: 'https://admin:s3cr3t-in-url@192.0.2.1' } }),
    )
    const problems = await problemsOf(
      loadConfig({ configFile, env: { CLOUDFLARE_API_URL: 'https://tok:s3cr3t-in-url@api.example.com/' } }),
    )
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).toMatch(/unifi\.url: must not contain a user name or password/)
    expect(problems.join('\n')).toMatch(/CLOUDFLARE_API_URL \(environment\): must not contain a user name/)
    expect(problems.join('\n')).not.toContain('s3cr3t-in-url')
  })

  it('never puts a secret into a problem message', async () => {
    const configFile = await file('secret.json', JSON.stringify({ unifi: { password: 12345678 } }))
    const problems = await problemsOf(loadConfig({ configFile, env: {} }))
    expect(problems.join('\n')).not.toContain('12345678')
  })
})

describe('data dir', () => {
  it('prefers the flag, then the environment', () => {
    expect(resolveDataDir({ flag: '/flag', env: { UNIFI_SCANNER_DATA_DIR: '/env' } })).toBe('/flag')
    expect(resolveDataDir({ env: { UNIFI_SCANNER_DATA_DIR: '/env' } })).toBe('/env')
  })

  it('follows the platform conventions', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/unifi-scanner')
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/a')).toBe('/home/a/.local/share/unifi-scanner')
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/unifi-scanner')
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Local\\unifi-scanner',
    )
  })

  it('puts reports under the data dir unless told otherwise', () => {
    expect(resolveReportsDir({ dataDir: '/d' })).toBe('/d/reports')
    expect(resolveReportsDir({ dataDir: '/d', outputDir: '/settings' })).toBe('/settings')
    expect(resolveReportsDir({ dataDir: '/d', outputDir: '/settings', out: '/flag' })).toBe('/flag')
  })
})
