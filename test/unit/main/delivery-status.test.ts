/**
 * The Status tab's delivery cards and undelivered reports, through the real main services: a run delivers on the
 * app's delivery runtime (lent to the runner like the integration runtime), a refusing webhook leaves the report
 * in pending-deliveries.json, and the next status push carries the channel's result and the waiting report —
 * never the webhook URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportRunner } from '../../../src/main/reports/report-job.js'
import type { DeliveryStatus } from '../../../src/shared/ipc/delivery-payloads.js'
import type { AppStatus, ReportSummary } from '../../../src/shared/ipc/payloads.js'
import { sampleReport, tempData } from '../../integration/delivery/fixtures.js'
import { startWebhookReceiver, type WebhookReceiver } from '../../integration/delivery/receivers.js'
import { CONFIGURED, memorySettings, servicesFor, TRUSTED } from './helpers.js'

const summary: ReportSummary = { id: 'r1', finishedAt: 5, headline: 'done', files: [] }

let hooks: WebhookReceiver
beforeAll(async () => {
  hooks = await startWebhookReceiver()
})
afterAll(async () => {
  await hooks?.close()
})

describe('delivery on the Status tab', () => {
  it('pushes a card per channel with its last result, and the undelivered report with why', async () => {
    const data = await tempData()
    hooks.respond = { status: 503, headers: {} }
    const settings = memorySettings({
      ...CONFIGURED,
      delivery: {
        webhooks: [
          { name: 'ops', format: 'slack', url: `${hooks.origin}/services/T/B/hook-token` },
          { name: 'later', format: 'json' },
        ],
      },
    })
    // As the engine runner does: the run delivers on the runtime the app lends it.
    const runner: ReportRunner = async (current, _progress, signal, context) => {
      await context?.delivery?.deliver({ settings: current, dataDir: data.path, report: sampleReport(), signal })
      return summary
    }
    const { services, target } = servicesFor({ settings, runner, dataDir: data.path })
    try {
      const before = services.status.get().delivery
      expect(before?.channels.map((card) => [card.label, card.ready, card.last])).toEqual([
        ['Slack webhook "ops"', true, null],
        ['JSON webhook "later"', false, null],
      ])
      expect(await services.dispatch('report:generate', TRUSTED, undefined)).toMatchObject({ ok: true })
      const delivery = await pushed(target.sent, (status) => (status.delivery?.pendingTotal ?? 0) > 0)
      const ops = delivery.channels[0]!
      expect(ops).toMatchObject({ key: 'ops', breaker: { state: 'closed', consecutiveFailures: 1 } })
      expect(ops.last).toMatchObject({ status: 'failed', late: false })
      expect(ops.last?.message).toMatch(/^Slack webhook "ops" failed on its side \(HTTP 503\)/)
      expect(delivery.pending).toHaveLength(1)
      const waiting = delivery.pending[0]!
      expect(waiting).toMatchObject({ channel: 'ops', label: 'Slack webhook "ops"', attempts: 1 })
      expect(waiting.report).toMatch(/, \d+ \w+ \d{4}$/)
      expect(waiting.reason).toContain('HTTP 503')
      expect(JSON.stringify(target.sent)).not.toContain('hook-token')
    } finally {
      hooks.respond = { status: 200, headers: {} }
      await services.close()
      await data.remove()
    }
  })
})

/** The delivery part of the first status push that satisfies `done` (the pending file is read after the run). */
async function pushed(
  sent: ReadonlyArray<{ channel: string; payload: unknown }>,
  done: (status: AppStatus) => boolean,
): Promise<DeliveryStatus> {
  for (let tries = 0; tries < 100; tries += 1) {
    const match = sent
      .filter((push) => push.channel === 'status:changed')
      .map((push) => push.payload as AppStatus)
      .find(done)
    if (match?.delivery) return match.delivery
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('no status push with the expected delivery state')
}
