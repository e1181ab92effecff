/**
 * The configuration posture end to end through the built CLI: `report --json` carries the posture object, the
 * second report of the site compares with the first (drift), and not one of the secrets the simulator plants in
 * its payloads (Wi-Fi passphrases, SSH password, RADIUS secret, SNMP community, VPN keys) appears in any output:
 * stdout, stderr, the report files, history.json, state.json or any other file the run wrote.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJsonSchema } from '../../../src/core/pipeline/run-json.js'
import { PLANTED_SECRETS } from '../../../src/simulator/unifi/index.js'
import { ensureCliBuilt } from './support/build-cli.js'
import { startFakes, tempDir, type Fakes } from './support/fakes.js'
import { runCli } from './support/run-cli.js'

let fakes: Fakes
let work: Awaited<ReturnType<typeof tempDir>>

beforeAll(async () => {
  await ensureCliBuilt()
  fakes = await startFakes({ posture: 'neglected' })
  work = await tempDir('posture')
}, 180_000)

afterAll(async () => {
  await fakes?.close()
  await work?.remove()
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

describe('configuration posture through the CLI', { timeout: 180_000 }, () => {
  it('reports the posture in --json, compares the second run with the first, and leaks no planted secret', async () => {
    const dir = path.join(work.path, 'data')
    const first = await runCli(['report', '--json', '--data-dir', dir], fakes.env())
    const second = await runCli(['report', '--json', '--data-dir', dir], fakes.env())
    for (const result of [first, second]) expect(result.code, result.stderr).toBe(0)
    const run1 = runJsonSchema.parse(JSON.parse(first.stdout.trim()))
    const run2 = runJsonSchema.parse(JSON.parse(second.stdout.trim()))
    expect(run1.posture.score).not.toBeNull()
    expect(run1.posture.previousScore).toBeNull()
    expect(run2.posture.previousScore).toBe(run1.posture.score)
    const statuses = Object.fromEntries(run1.posture.checks.map((c) => [c.id, c.status]))
    expect(statuses).toMatchObject({
      'MGMT-SSH-PASSWORD': 'gap',
      'UPNP-ENABLED': 'gap',
      'WIFI-PSK-LENGTH': 'gap',
      'PF-OPEN': 'gap',
      'VPN-PPTP': 'gap',
      'BAK-AUTO': 'gap',
      'MGMT-WAN': 'gap',
    })
    expect(run1.posture.compound.map((c) => c.id)).toContain('COMPOUND-FLAT-EXPOSED')
    const html = readFileSync(run2.report.html ?? '', 'utf8')
    expect(html).toContain('Configuration posture')
    // The same site twice: nothing changed, and the second report says so against the first.
    expect(run2.posture.score).toBe(run1.posture.score)
    expect(html).toContain(`Score unchanged at ${run1.posture.score ?? ''}`)
    const outputs = [
      first.stdout,
      first.stderr,
      second.stdout,
      second.stderr,
      ...filesUnder(dir).map((file) => readFileSync(file, 'utf8')),
    ]
    expect(filesUnder(dir).some((file) => file.endsWith('history.json'))).toBe(true)
    for (const secret of Object.values(PLANTED_SECRETS))
      for (const output of outputs) expect(output.includes(secret), `planted secret found in an output`).toBe(false)
  })

  it('says what changed when the same site goes from well kept to neglected between two reports', async () => {
    const dir = path.join(work.path, 'drift')
    const kept = await startFakes({ posture: 'well-kept' })
    let before: Awaited<ReturnType<typeof runCli>>
    try {
      before = await runCli(['report', '--json', '--data-dir', dir], kept.env())
    } finally {
      await kept.close()
    }
    // The neglected controller serves the same site ("default"), so the second report compares with the first.
    const after = await runCli(['report', '--json', '--data-dir', dir], fakes.env())
    for (const result of [before, after]) expect(result.code, result.stderr).toBe(0)
    const run1 = runJsonSchema.parse(JSON.parse(before.stdout.trim()))
    const run2 = runJsonSchema.parse(JSON.parse(after.stdout.trim()))
    expect(run1.posture.score).toBeGreaterThan(run2.posture.score ?? 100)
    expect(run2.posture.previousScore).toBe(run1.posture.score)
    // The most severe new gaps lead the sentence (management open to the internet first), in the executive
    // summary and the posture section of both renderers; the rest are counted.
    const wan = run2.posture.checks.find((c) => c.id === 'MGMT-WAN')
    expect(wan?.status).toBe('gap')
    const title = wan?.title ?? ''
    const head = `Score ${run1.posture.score ?? ''} → ${run2.posture.score ?? ''}: new: `
    const expected = `${head}${title.charAt(0).toLowerCase()}${title.slice(1)};`
    const html = readFileSync(run2.report.html ?? '', 'utf8')
    expect(html).toContain(expected)
    expect(html).toMatch(/\d+ more change\(s\)\./)
    expect(readFileSync(run2.report.text ?? '', 'utf8').replace(/\s+/g, ' ')).toContain(expected)
  })
})
