/**
 * One mapping from failure to exit code for every command: the built CLI's `report`, `check` and `schedule`
 * meet the same wrong site and the same broken configuration against the simulated controller, and each
 * says so with the same code (a configuration problem is 1 everywhere).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../../../src/core/exit-codes.js'
import { runJsonSchema } from '../../../src/core/pipeline/run-json.js'
import { jsonLines, useCliWorld } from './support/cli-world.js'
import { closedPort } from './support/fakes.js'
import { runCli, waitForOutput } from './support/run-cli.js'

const world = useCliWorld('exit-codes')

let counter = 0
const dataDir = () => path.join(world.work.path, `run-${(counter += 1)}`)

const runLines = (stdout: string) => jsonLines(stdout) as { exitCode: number; ok: boolean }[]

/** `schedule` keeps going after a failed run; its first run's JSON line carries the run's exit code. */
async function firstScheduledRun(env: Record<string, string>): Promise<number> {
  const cli = world.start(['schedule', '--every', '1h', '--json', '--data-dir', dataDir()], env)
  try {
    await waitForOutput(cli, (stdout) => stdout.includes('\n'))
  } finally {
    cli.child.kill('SIGTERM')
  }
  const result = await cli.done
  expect(result.code, result.stderr).toBe(ExitCode.ok)
  const [run] = runLines(result.stdout)
  return runJsonSchema.parse(run).exitCode
}

describe('exit codes are the same for report, check and schedule', { timeout: 120_000 }, () => {
  it('a site the controller does not have is a configuration problem: 1', async () => {
    const env = world.fakes.env({ UNIFI_SITE: 'no-such-site' })
    const report = await runCli(['report', '--json', '--data-dir', dataDir()], env)
    const check = await runCli(['check', '--json', '--data-dir', dataDir()], env)
    expect(report.code, report.stderr).toBe(ExitCode.config)
    expect(check.code, check.stderr).toBe(ExitCode.config)
    expect(runJsonSchema.parse(runLines(report.stdout)[0]).exitCode).toBe(ExitCode.config)
    expect(runLines(check.stdout)[0]?.exitCode).toBe(ExitCode.config)
    expect(report.stderr).toContain('no-such-site')
    expect(await firstScheduledRun(env)).toBe(ExitCode.config)
  })

  it('settings that fail validation exit 1 before any command starts', async () => {
    const env = world.fakes.env({ UNIFI_TLS_FINGERPRINT: 'not-a-fingerprint' })
    for (const command of ['report', 'check', 'schedule']) {
      const extra = command === 'schedule' ? ['--every', '1h'] : []
      const result = await runCli([command, ...extra, '--json', '--data-dir', dataDir()], env)
      expect(result.code, `${command}: ${result.stderr}`).toBe(ExitCode.config)
      expect(runLines(result.stdout)).toEqual([expect.objectContaining({ ok: false, exitCode: ExitCode.config })])
    }
  })

  it('an unreachable controller is 2 from report, check and a scheduled run', async () => {
    const env = world.fakes.env({ UNIFI_URL: `https://127.0.0.1:${await closedPort()}`, UNIFI_SITE: 'default' })
    const report = await runCli(['report', '--json', '--data-dir', dataDir()], env)
    const check = await runCli(['check', '--json', '--data-dir', dataDir()], env)
    expect(report.code, report.stderr).toBe(ExitCode.unreachable)
    expect(check.code, check.stderr).toBe(ExitCode.unreachable)
    expect(await firstScheduledRun(env)).toBe(ExitCode.unreachable)
  })
})
