/**
 * `schedule` end to end: one long-lived CLI process, one JSON line per run, breakers that keep their state
 * across runs (open after 3 failing runs, closed again by a healthy trial after the cooldown), and a clean
 * stop on SIGTERM in the middle of a run.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runJsonSchema, type RunJson } from '../../../src/core/pipeline/run-json.js'
import { jsonLines, useCliWorld } from './support/cli-world.js'
import { listFiles, writeConfig } from './support/fakes.js'
import { waitForOutput, type RunningCli } from './support/run-cli.js'

const world = useCliWorld('schedule')

function runs(cli: RunningCli): RunJson[] {
  return jsonLines(cli.stdout()).map((line) => runJsonSchema.parse(line))
}

function cloudflareOf(run: RunJson | undefined) {
  const outcome = run?.integrations.find((integration) => integration.id === 'cloudflare')
  if (!outcome) throw new Error('no cloudflare outcome')
  return outcome
}

const cloudflareRequests = () => world.fakes.cloudflare.requests.length

describe('schedule', { timeout: 120_000 }, () => {
  it('opens the breaker after 3 failing runs, short-circuits, and closes it after the cooldown', async () => {
    const config = await writeConfig(world.work.path, 'breaker.json', {
      breaker: { failMax: 3, resetTimeoutMs: 2500, timeoutMs: 1000 },
    })
    world.fakes.cloudflare.setFaults([{ kind: 'server-error' }])
    const cli = world.start(
      ['schedule', '--every', '1s', '--json', '--config', config, '--data-dir', path.join(world.work.path, 'breaker')],
      world.fakes.env(),
    )
    try {
      await breakerScenario(cli)
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM')
    }
    const result = await cli.done
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('Stopped')
  })

  async function breakerScenario(cli: RunningCli) {
    await waitForOutput(cli, () => runs(cli).length >= 3)
    const firstThree = runs(cli).slice(0, 3)
    expect(firstThree.map((run) => cloudflareOf(run).status)).toEqual(['failed', 'failed', 'failed'])
    expect(firstThree.map((run) => cloudflareOf(run).breaker)).toEqual(['closed', 'closed', 'open'])
    // Integration failures never fail the run.
    expect(firstThree.every((run) => run.ok && run.exitCode === 0)).toBe(true)

    // While open, runs short-circuit: no request reaches the fake.
    const requestsWhenOpened = cloudflareRequests()
    await waitForOutput(cli, () => runs(cli).length >= 4)
    const fourth = cloudflareOf(runs(cli)[3])
    expect(fourth).toMatchObject({ status: 'failed', breaker: 'open' })
    expect(fourth.reason).toMatch(/circuit/)
    expect(cloudflareRequests()).toBe(requestsWhenOpened)

    // Cloudflare recovers; after the cooldown the trial run succeeds and closes the breaker.
    world.fakes.cloudflare.setFaults([])
    await waitForOutput(cli, () => runs(cli).some((run) => cloudflareOf(run).status === 'ok'), 30_000)
    const recovered = runs(cli).find((run) => cloudflareOf(run).status === 'ok')
    expect(cloudflareOf(recovered).breaker).toBe('closed')
  }

  it('stops cleanly on SIGTERM during a run: exit 0, no partial files', async () => {
    world.fakes.cloudflare.setFaults([])
    world.fakes.controller.setFaults([{ type: 'slow', delayMs: 20_000, pathIncludes: 'stat/device' }])
    const dataDir = path.join(world.work.path, 'sigterm')
    const before = world.fakes.controller.stats.requests.length
    const cli = world.start(['schedule', '--every', '1h', '--json', '--data-dir', dataDir], world.fakes.env())
    try {
      await waitForOutput(cli, (_stdout, stderr) => stderr.includes('Scheduling reports'))
      await waitForOutput(cli, () =>
        world.fakes.controller.stats.requests.slice(before).some((request) => request.path.includes('stat/device')),
      )
      cli.child.kill('SIGTERM')
      const result = await cli.done
      expect(result.code).toBe(0)
      expect(result.stdout).toBe('')
      expect(await listFiles(path.join(dataDir, 'reports'))).toEqual([])
    } finally {
      world.fakes.controller.setFaults([])
    }
  })

  it('refuses an invalid schedule with exit 1', async () => {
    const cli = world.start(['schedule', '--cron', '61 * * * *', '--data-dir', world.work.path], world.fakes.env())
    const result = await cli.done
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--cron')
  })
})
