import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { unifiConnectionProblems } from '../../../src/cli/config/require-unifi.js'
import { ExitCode, exitCodeForError } from '../../../src/core/exit-codes.js'
import { openerFor } from '../../../src/cli/open-report.js'
import { createCliOutput } from '../../../src/cli/output.js'
import {
  AuthError,
  ConfigError,
  HttpStatusError,
  NetworkError,
  RequestTimeoutError,
  ResponseParseError,
  TlsTrustError,
} from '../../../src/core/errors.js'

function capture() {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  return { stdout, stderr, out: () => out, err: () => err }
}

describe('CLI output', () => {
  it('keeps stdout for JSON only and writes human lines and logs to stderr', () => {
    const streams = capture()
    const output = createCliOutput({ json: true, stdout: streams.stdout, stderr: streams.stderr })
    output.say('hello')
    output.warn('careful')
    output.logger.info('report_run_starting', { since: '2026-01-01T00:00:00Z', note: 'two words' })
    output.logger.debug('hidden without --verbose')
    output.json({ ok: true })
    expect(streams.out()).toBe('{"ok":true}\n')
    expect(streams.err()).toBe(
      'hello\nwarning: careful\nreport_run_starting (since=2026-01-01T00:00:00Z note="two words")\n',
    )
  })

  it('prints no JSON without --json, and debug lines with --verbose', () => {
    const streams = capture()
    const output = createCliOutput({ json: false, verbose: true, stdout: streams.stdout, stderr: streams.stderr })
    output.json({ ok: true })
    output.logger.debug('details')
    expect(streams.out()).toBe('')
    expect(streams.err()).toBe('debug: details\n')
  })

  it('scrubs the secrets in use from everything it writes', () => {
    const streams = capture()
    const output = createCliOutput({ json: true, stdout: streams.stdout, stderr: streams.stderr })
    output.addSecrets(['hunter22-secret'])
    output.say('password is hunter22-secret')
    output.logger.warn('login failed', { detail: 'hunter22-secret' })
    output.json({ echoed: 'hunter22-secret' })
    expect(streams.out() + streams.err()).not.toContain('hunter22-secret')
    expect(streams.err()).toContain('[redacted]')
  })
})

describe('exit codes', () => {
  it.each([
    [new ConfigError('bad'), ExitCode.config],
    [new NetworkError('refused'), ExitCode.unreachable],
    [new RequestTimeoutError('slow', 1000), ExitCode.unreachable],
    [new AuthError('nope'), ExitCode.auth],
    [new HttpStatusError(429, 'https://x', 'limit'), ExitCode.auth],
    [new TlsTrustError('untrusted', 'AA', null), ExitCode.tls],
    [new ResponseParseError('garbage'), ExitCode.other],
    [new Error('bug'), ExitCode.other],
  ])('%s → %d', (error, code) => {
    expect(exitCodeForError(error)).toBe(code)
  })
})

describe('unifiConnectionProblems', () => {
  it('accepts an address with an API key or a username and password', () => {
    expect(unifiConnectionProblems({ url: 'https://u', apiKey: 'k' })).toEqual([])
    expect(unifiConnectionProblems({ url: 'https://u', username: 'a', password: 'p' })).toEqual([])
  })

  it('lists every gap', () => {
    expect(unifiConnectionProblems({ username: 'a', url: '  ' })).toEqual([
      expect.stringContaining('UNIFI_URL'),
      expect.stringContaining('UNIFI_PASSWORD'),
    ])
    expect(unifiConnectionProblems({ url: 'https://u', password: 'p' })).toEqual([
      expect.stringContaining('UNIFI_USERNAME'),
    ])
    expect(unifiConnectionProblems({ url: 'https://u' })).toEqual([expect.stringContaining('UNIFI_API_KEY')])
  })
})

describe('openerFor', () => {
  it('passes the file as one argument to the platform opener, never through a shell', () => {
    const file = '/tmp/a folder/report "x".html'
    expect(openerFor('linux', file)).toEqual({ command: 'xdg-open', args: [file] })
    expect(openerFor('darwin', file)).toEqual({ command: 'open', args: [file] })
    expect(openerFor('win32', file)).toEqual({ command: 'explorer.exe', args: [file] })
  })
})

describe('JSON output', () => {
  it('stays valid JSON when a message looks like a credential', () => {
    const streams = capture()
    const output = createCliOutput({ json: true, stdout: streams.stdout, stderr: streams.stderr })
    output.addSecrets(['quote"secret'])
    output.json({ message: 'Invalid token: bad', other: 'has quote"secret inside' })
    const parsed = JSON.parse(streams.out()) as { message: string; other: string }
    expect(parsed.message).toBe('Invalid token: bad')
    expect(parsed.other).toBe('has [redacted] inside')
  })
})
