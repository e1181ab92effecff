/**
 * What a hostile upstream or another local user could get out of the CLI: the built CLI against loopback
 * servers for bounded settings, credentials in URLs, escape sequences from the controller, file modes, the
 * `--config` file checks, concurrent runs sharing one history, and a signal that arrives after the report.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli as runCliInProcess } from '../../../src/cli/program.js'
import type { InterruptSource } from '../../../src/cli/interrupts.js'
import { ensureCliBuilt } from './support/build-cli.js'
import { listFiles, startFakes, tempDir, writeConfig, type Fakes } from './support/fakes.js'
import { startRewritingProxy, type HostileProxy } from './support/hostile-proxy.js'
import { runCli } from './support/run-cli.js'

let fakes: Fakes
let work: Awaited<ReturnType<typeof tempDir>>
let hostile: HostileProxy
const posix = process.platform !== 'win32'
/** Escape sequences a console could put in its host name: retitle the window, clear the screen, ring, CSI. */
const HOSTILE_NAME = 'UDM\u001b]0;owned\u0007\u001b[2J\rPro\u009b31m'

beforeAll(async () => {
  await ensureCliBuilt()
  fakes = await startFakes()
  work = await tempDir('hardening')
  hostile = await startRewritingProxy(fakes.controller.url, 'UDM-Pro', HOSTILE_NAME)
}, 180_000)

afterAll(async () => {
  await Promise.allSettled([fakes?.close(), hostile?.close()])
  await work?.remove()
})

let counter = 0
function freshDir(): string {
  counter += 1
  return path.join(work.path, `data-${counter}`)
}

/** C0, DEL and C1 control characters in `text`, other than those in `allowed`. */
function controlCharacters(text: string, allowed: string): string[] {
  return [...text].filter((char) => {
    const code = char.charCodeAt(0)
    return (code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !allowed.includes(char)
  })
}

const mode = (file: string) => statSync(file).mode & 0o777

describe('CLI hardening', { timeout: 120_000 }, () => {
  it('refuses a response cap without bound (unifi.maxResponseBytes) before connecting', async () => {
    const config = await writeConfig(work.path, 'huge-cap.json', { unifi: { maxResponseBytes: 1e12 } })
    const result = await runCli(['check', '--config', config], fakes.env())
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('unifi.maxResponseBytes: must be at most 1073741824 (1 GiB)')
    expect(fakes.controller.stats.requests.length).toBe(0)
  })

  it('treats credentials in a URL as a configuration error and never prints them', async () => {
    const withUser = fakes.controller.url.replace('https://', 'https://admin:canary-in-url-91c2@')
    const result = await runCli(['check', '--json'], fakes.env({ UNIFI_URL: withUser }))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/UNIFI_URL \(environment\): must not contain a user name or password/)
    expect(result.stdout + result.stderr).not.toContain('canary-in-url-91c2')

    const plainHttp = await runCli(['check'], fakes.env({ CLOUDFLARE_API_URL: 'http://api.example.com/client/v4' }))
    expect(plainHttp.code).toBe(1)
    expect(plainHttp.stderr).toMatch(/CLOUDFLARE_API_URL \(environment\): must use https:\/\//)
  })

  it('check strips control characters from the controller strings it prints', async () => {
    const env = fakes.env({ UNIFI_URL: hostile.url, UNIFI_TLS_FINGERPRINT: hostile.fingerprint })
    const result = await runCli(['check'], env)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('Host name: UDM?]0;owned??[2J?Pro?31m')
    expect(controlCharacters(result.stderr, '\n\t')).toEqual([])
    const json = await runCli(['check', '--json'], env)
    expect(controlCharacters(json.stdout, '\n')).toEqual([])
    const parsed = JSON.parse(json.stdout.trim()) as { controller: { hostname: string } }
    expect(parsed.controller.hostname).toBe(HOSTILE_NAME)
  })

  it.runIf(posix)('writes private files and folders, and tightens ones an older version left open', async () => {
    const dir = freshDir()
    mkdirSync(path.join(dir, 'reports'), { recursive: true, mode: 0o755 })
    chmodSync(dir, 0o755)
    chmodSync(path.join(dir, 'reports'), 0o755)
    writeFileSync(path.join(dir, 'state.json'), 'not json', { mode: 0o644 })
    chmodSync(path.join(dir, 'state.json'), 0o644)
    const result = await runCli(['report', '--data-dir', dir], fakes.env())
    expect(result.code, result.stderr).toBe(0)
    expect(mode(dir)).toBe(0o700)
    expect(mode(path.join(dir, 'reports'))).toBe(0o700)
    const files = await listFiles(dir)
    expect(files).toEqual(expect.arrayContaining(['history.json', 'state.json']))
    expect(files.filter((file) => file.startsWith('reports/unifi-report-'))).toHaveLength(2)
    for (const file of files) expect(mode(path.join(dir, file)), file).toBe(0o600)
  })

  it.runIf(posix)('--config refuses a FIFO, a device and a file over 1 MiB, saying why', async () => {
    const fifo = path.join(work.path, 'config.fifo')
    execFileSync('mkfifo', [fifo])
    const pipe = await runCli(['check', '--config', fifo], fakes.env(), 20_000)
    expect(pipe.code).toBe(1)
    expect(pipe.stderr).toContain(`--config ${fifo}: is not a regular file`)

    const zero = await runCli(['check', '--config', '/dev/zero'], fakes.env(), 20_000)
    expect(zero.code).toBe(1)
    expect(zero.stderr).toContain('--config /dev/zero: is not a regular file')

    const big = path.join(work.path, 'big.json')
    writeFileSync(big, `{"unifi": {"site": "${'x'.repeat(1024 * 1024)}"}}`)
    const tooBig = await runCli(['check', '--config', big], fakes.env(), 20_000)
    expect(tooBig.code).toBe(1)
    expect(tooBig.stderr).toMatch(/bytes; a settings file may be at most 1048576 bytes \(1 MiB\)/)
  })

  it('ten runs at once into one folder run one at a time: each either writes its report into the history or is refused as busy', async () => {
    const dir = freshDir()
    const runs = await Promise.all(
      Array.from({ length: 10 }, () => runCli(['report', '--format', 'text', '--data-dir', dir], fakes.env())),
    )
    const written = runs.filter((run) => run.code === 0)
    for (const run of runs) {
      if (run.code !== 0) {
        expect(run.code, run.stderr).toBe(1)
        expect(run.stderr).toContain(`Another UniFi Scanner run is using ${dir}`)
      }
    }
    expect(written.length).toBeGreaterThanOrEqual(1)
    const reports = (await listFiles(path.join(dir, 'reports'))).filter((name) => name.endsWith('.txt'))
    expect(reports).toHaveLength(written.length)
    const history = JSON.parse(readFileSync(path.join(dir, 'history.json'), 'utf8')) as {
      entries: Array<{ files: { text: string } }>
    }
    expect(history.entries).toHaveLength(written.length)
    expect(new Set(history.entries.map((entry) => path.basename(entry.files.text)))).toEqual(new Set(reports))
    expect(await listFiles(dir)).not.toContain('run.lock')
  })

  it('a damaged history keeps its readable entries and lists the folder again', async () => {
    const dir = freshDir()
    for (let run = 0; run < 2; run++) {
      const result = await runCli(['report', '--format', 'text', '--data-dir', dir], fakes.env())
      expect(result.code, result.stderr).toBe(0)
    }
    const file = path.join(dir, 'history.json')
    const intact = readFileSync(file, 'utf8')
    // The index is written one entry per line: the first entry ends where the second line begins.
    const firstEntryEnd = intact.indexOf('},\n{') + 1
    // Cut off inside the second entry, as a full disk would.
    writeFileSync(file, intact.slice(0, firstEntryEnd + 40))
    const result = await runCli(['report', '--format', 'text', '--data-dir', dir], fakes.env())
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/history index .* was damaged/)
    const history = JSON.parse(readFileSync(file, 'utf8')) as { entries: Array<{ recovered?: boolean }> }
    expect(history.entries).toHaveLength(3)
    expect(history.entries.filter((entry) => entry.recovered === true)).toHaveLength(1)
    const backups = (await listFiles(dir)).filter((name) => name.startsWith('history.json.corrupt-'))
    expect(backups).toHaveLength(1)
    expect(existsSync(path.join(dir, backups[0]!))).toBe(true)
  })

  it('a SIGTERM that arrives after the report was written does not turn it into a failure', async () => {
    const dir = freshDir()
    const signal: { fire: ((signal: NodeJS.Signals) => void) | null } = { fire: null }
    const interrupts: InterruptSource = {
      onInterrupt(handler) {
        signal.fire = handler
        return () => {
          signal.fire = null
        }
      },
    }
    let stderr = ''
    // Synchronous, so the signal lands while the pipeline is still returning its outcome.
    const errStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const text = chunk.toString('utf8')
        stderr += text
        // The pipeline logs this once every file is written, just before it returns.
        if (text.includes('report_run_finished')) signal.fire?.('SIGTERM')
        done()
      },
    })
    const code = await runCliInProcess(['node', 'unifi-scanner', 'report', '--data-dir', dir], {
      env: fakes.env(),
      stdout: new PassThrough(),
      stderr: errStream,
      interrupts,
      platform: process.platform,
      now: Date.now,
    })
    expect(stderr).toContain('report_run_finished')
    expect(code, stderr).toBe(0)
    expect(stderr).toContain('Report written:')
    expect(stderr).not.toContain('was not written')
    expect((await listFiles(path.join(dir, 'reports'))).length).toBe(2)
  })
})
