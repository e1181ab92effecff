import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RotatingLogFile } from '../../../src/main/app/rotating-log.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-logs-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const record = (message: string, fields = {}) => ({ level: 'info' as const, message, fields, at: 0 })
const messageOf = (line: string): string => (JSON.parse(line) as { message: string }).message

describe('rotating log file', () => {
  it('writes JSON lines and rotates by size, keeping at most maxFiles', () => {
    const log = new RotatingLogFile({ dir, maxBytes: 200, maxFiles: 3 })
    for (let index = 0; index < 40; index += 1) log.write(record(`line ${index} ${'x'.repeat(40)}`))
    expect(existsSync(log.file(0))).toBe(true)
    expect(existsSync(log.file(1))).toBe(true)
    expect(existsSync(log.file(2))).toBe(true)
    expect(existsSync(log.file(3))).toBe(false)
    for (const index of [0, 1, 2]) expect(statSync(log.file(index)).size).toBeLessThanOrEqual(200)
    const newest = readFileSync(log.file(0), 'utf8').trim().split('\n')
    expect(messageOf(newest.at(-1)!)).toContain('line 39')
    // Older lines moved to the rotated files in order.
    const previous = readFileSync(log.file(1), 'utf8').trim().split('\n').map(messageOf)
    expect(previous.at(-1)).toMatch(/line 3[0-8]/)
  })

  it('continues an existing file after a restart', () => {
    new RotatingLogFile({ dir }).write(record('before restart'))
    new RotatingLogFile({ dir }).write(record('after restart'))
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8').trim().split('\n')).toHaveLength(2)
  })

  it('never writes a known secret or a credential-looking field', () => {
    const log = new RotatingLogFile({ dir, knownSecrets: () => ['s3cr3t-api-key'] })
    log.write(record('login with s3cr3t-api-key failed', { password: 'hunter2', user: 'admin' }))
    const text = readFileSync(log.current, 'utf8')
    expect(text).not.toContain('s3cr3t-api-key')
    expect(text).not.toContain('hunter2')
    expect(text).toContain('admin')
  })
})
