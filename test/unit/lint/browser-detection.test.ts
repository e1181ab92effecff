import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../../scripts/find-browser.mjs'

const root = path.resolve(import.meta.dirname, '../../..')
const scratch = mkdtempSync(path.join(tmpdir(), 'browser-detect-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function executable(name: string): string {
  const file = path.join(scratch, name)
  writeFileSync(file, '#!/bin/sh\nexit 0\n')
  chmodSync(file, 0o755)
  return file
}

function runner(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/run-browser-tests.mjs', '--list'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: '', ...env },
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('browser detection for the e2e suite', () => {
  it('takes CHROMIUM_PATH when it is an executable, and nothing else when it is not', () => {
    const named = executable('my-chromium')
    expect(findBrowser({ CHROMIUM_PATH: named, PATH: '' }, 'linux')).toBe(named)
    expect(findBrowser({ CHROMIUM_PATH: path.join(scratch, 'missing'), PATH: scratch }, 'linux')).toBeNull()
  })

  it('finds the usual names on PATH', () => {
    const onPath = executable('chromium-browser')
    expect(findBrowser({ PATH: scratch }, 'darwin')).toBe(onPath)
  })

  it('without a browser, skips with one line outside CI and fails under CI=true', () => {
    const missing = path.join(scratch, 'no-such-browser')
    const local = runner({ CHROMIUM_PATH: missing })
    expect(local.status).toBe(0)
    expect(local.output.trim().split('\n')).toHaveLength(1)
    expect(local.output).toMatch(/browser tests: SKIPPED .*apt-get install chromium/)

    const ci = runner({ CHROMIUM_PATH: missing, CI: 'true' })
    expect(ci.status).toBe(1)
    expect(ci.output).toMatch(/browser tests: FAILED/)
  })
})
