/**
 * Delivery runtime: sends a written report to every configured channel, each behind its own circuit breaker and
 * timeout (the integrations' breaker), concurrently. What fails or is skipped is kept in the pending file and
 * sent again, marked late, with the next run; a channel whose breaker is open is skipped with the reason.
 * Delivery never changes the run's outcome or exit code: its results are only reported.
 *
 * The runtime lives as long as its owner's report session, so breakers remember failures across the runs of
 * `schedule` and of the tray app.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Agent } from 'undici'
import type { Settings } from '../../shared/settings.js'
import { AbortedError, toScannerError } from '../errors.js'
import { createDispatcher } from '../http/dispatcher.js'
import { CircuitOpenError, IntegrationBreaker } from '../integrations/breaker.js'
import { IntegrationStatusStore } from '../integrations/status-store.js'
import type { Logger } from '../logger.js'
import type { ReportModel } from '../report/model.js'
import { renderText } from '../report/text/render-text.js'
import type { Coverage } from '../unifi/coverage.js'
import type { DeliveryCard } from '../../shared/ipc/delivery-payloads.js'
import { configuredChannels, incompleteWebhooks, webhookNames, type DeliveryChannel } from './channels.js'
import { ownPolicy } from '../integrations/policy.js'
import { renderEmailHtml } from './email-html.js'
import type { DeliveryResult } from './result.js'
import { sendEmail, verifyEmail } from './send-email.js'
import { postWebhook, probeWebhook } from './send-webhook.js'
import { readPending, updatePending, type PendingDelivery } from './pending.js'
import { buildDeliverySummary } from './summary.js'

/** What a written report gives delivery (the model and text are already scrubbed of the run's secrets). */
export interface DeliverableReport {
  model: ReportModel
  coverage: Coverage
  files: { html: string | null; text: string | null }
  /** The text report as written, or null when only HTML was asked for (then it is rendered for the mail). */
  text: string | null
  timezone: string
  /** "71 / 100 (C-)" when the run assessed the configuration posture and could score it. */
  postureScore?: string | null
}

export interface DeliverRequest {
  settings: Settings
  dataDir: string
  /** Null when no report was written: only late deliveries go out. */
  report: DeliverableReport | null
  signal: AbortSignal
  /** Delivery turned off for this run (`report --no-deliver`): every channel is skipped, nothing is kept. */
  off?: boolean
}

export interface DeliveryRun {
  results: DeliveryResult[]
  /** Problems beside the results (a damaged pending file, a delivery given up after too many waiting). */
  warnings: string[]
}

export interface ChannelTest {
  channel: string
  label: string
  ok: boolean
  message: string
}

export interface DeliveryRuntime {
  deliver(request: DeliverRequest): Promise<DeliveryRun>
  /** `check`: SMTP connect and sign-in, webhook reachability; nothing is sent, breakers are not touched. */
  test(settings: Settings, signal: AbortSignal): Promise<ChannelTest[]>
  /** The Status tab: every channel of `settings` with its breaker and what the last run did with it. */
  cards(settings: Settings): DeliveryCard[]
  close(): Promise<void>
}

type Work = (signal: AbortSignal) => Promise<void>

export function createDeliveryRuntime(options: { logger: Logger; now?: () => number }): DeliveryRuntime {
  const { logger } = options
  const now = options.now ?? Date.now
  const breakers = new Map<string, IntegrationBreaker<Work, void>>()
  // The same live record as an integration's: calls, latency percentiles and the day's state changes per channel.
  const activity = new IntegrationStatusStore({ now })
  const lastResults = new Map<string, NonNullable<DeliveryCard['last']>>()
  const remember = (results: readonly DeliveryResult[]) => {
    // In channel order, late ones before the current report: the last line of a channel is its latest news.
    for (const result of results) {
      lastResults.set(result.channel, {
        status: result.status,
        at: now(),
        late: result.late,
        message: result.message,
      })
    }
  }
  let dispatcher: Agent | null = null
  const agent = () => (dispatcher ??= createDispatcher({ maxResponseBytes: 1024 * 1024, connectTimeoutMs: 10_000 }))

  const breakerFor = (channel: DeliveryChannel) => {
    const existing = breakers.get(channel.key)
    if (existing) {
      existing.applyPolicy(channel.policy)
      return existing
    }
    const breaker: IntegrationBreaker<Work, void> = new IntegrationBreaker<Work, void>({
      id: `delivery-${channel.key}`,
      displayName: channel.label,
      policy: channel.policy,
      action: (signal, work) => work(signal),
      logger,
      now,
      onCall: (record) => activity.recordCall(channel.key, record, breaker.view()),
      onStateChange: () => activity.setBreaker(channel.key, breaker.view()),
    })
    activity.register(channel.key, channel.label, breaker.view())
    breakers.set(channel.key, breaker)
    return breaker
  }

  const send = async (channel: DeliveryChannel, entry: PendingDelivery, signal: AbortSignal): Promise<void> => {
    const timeoutMs = channel.policy.timeoutMs
    if (channel.kind === 'webhook') {
      await postWebhook(channel.webhook, entry.summary, {
        label: channel.label,
        dispatcher: agent(),
        signal,
        timeoutMs,
        now,
      })
      return
    }
    const mail = entry.email
    if (!mail) throw new AbortedError(`${channel.label}: nothing to send.`)
    const attachments: { filename: string; content: Buffer }[] = []
    for (const file of mail.attach) {
      // A report file deleted since (retention, the user) goes without its attachment; the body still carries it.
      const content = await readFile(file.path).catch(() => null)
      if (content) attachments.push({ filename: file.filename, content })
    }
    await sendEmail(
      channel.email,
      { subject: mail.subject, html: mail.html, text: mail.text, attachments },
      { label: channel.label, signal, timeoutMs },
    )
  }

  return {
    async deliver(request) {
      const channels = configuredChannels(request.settings)
      const results: DeliveryResult[] = []
      const warnings: string[] = []
      const absent: DeliveryResult[] = []
      const incomplete = incompleteWebhooks(request.settings)
      if (!channels.some((c) => c.kind === 'email')) absent.push(notConfigured('email'))
      for (const webhook of incomplete) {
        absent.push({
          channel: webhook.key,
          status: 'not-configured',
          breaker: 'closed',
          late: false,
          message: `${webhook.label} has no URL yet: enter it in the settings.`,
        })
      }
      if (!channels.some((c) => c.kind === 'webhook') && incomplete.length === 0) absent.push(notConfigured('webhook'))
      if (channels.length === 0) return { results: absent, warnings }
      if (request.off) {
        for (const channel of channels) {
          results.push({
            channel: channel.key,
            status: 'skipped',
            breaker: breakerFor(channel).state,
            late: false,
            message: 'Delivery was turned off for this run.',
          })
        }
        remember(results)
        return { results: [...results, ...absent], warnings }
      }
      const pending = await readPending(request.dataDir, logger, now())
      if (pending.warning) warnings.push(pending.warning)
      const current = request.report
        ? currentEntries(request.report, channels, now())
        : new Map<string, PendingDelivery>()
      const sent: string[] = []
      const kept: PendingDelivery[] = []
      // Channels are served concurrently; their results are listed in channel order.
      const perChannel = await Promise.all(
        channels.map(async (channel) => {
          const results: DeliveryResult[] = []
          const breaker = breakerFor(channel)
          const queue = pending.entries.filter((e) => e.channel === channel.key).map((entry) => ({ entry, late: true }))
          const now_ = current.get(channel.key)
          if (now_) queue.push({ entry: now_, late: false })
          let stopped: string | null = null
          for (const { entry, late } of queue) {
            if (stopped !== null || request.signal.aborted) {
              kept.push(entry)
              const why = stopped ?? 'the run was cancelled'
              results.push({
                channel: channel.key,
                status: 'skipped',
                breaker: breaker.state,
                late,
                message: `Not sent: ${why}; it is sent with the next run.`,
              })
              continue
            }
            try {
              await breaker.fire((signal) => send(channel, entry, signal), request.signal)
              sent.push(entry.id)
              logger.info('delivery_sent', { channel: channel.key, late })
              results.push({
                channel: channel.key,
                status: 'sent',
                breaker: breaker.state,
                late,
                message: late ? `Sent late: the report of ${entry.summary.date}.` : null,
              })
            } catch (raw) {
              const error = toScannerError(raw)
              const open = error instanceof CircuitOpenError
              kept.push({ ...entry, attempts: entry.attempts + (open ? 0 : 1), lastError: error.message })
              stopped = open ? `${channel.label} is paused after repeated failures` : `${channel.label} failed just now`
              logger.warn(open ? 'delivery_skipped' : 'delivery_failed', {
                channel: channel.key,
                kind: error.kind,
                message: error.message,
              })
              results.push({
                channel: channel.key,
                status: open ? 'skipped' : 'failed',
                breaker: breaker.state,
                late,
                message: `${error.message} Kept for the next run.`,
              })
            }
          }
          return results
        }),
      )
      results.push(...perChannel.flat())
      remember(results)
      const known = new Set(channels.map((c) => c.key))
      for (const entry of pending.entries) {
        if (known.has(entry.channel)) continue
        results.push({
          channel: entry.channel,
          status: 'skipped',
          breaker: 'closed',
          late: true,
          message: `This channel is no longer configured; the report of ${entry.summary.date} stays in the pending deliveries.`,
        })
      }
      if (sent.length > 0 || kept.length > 0) {
        try {
          const dropped = await updatePending(request.dataDir, { sent, kept }, logger, now())
          for (const entry of dropped) {
            warnings.push(
              `Delivery to "${entry.channel}" of the report of ${entry.summary.date} was given up: too many deliveries were waiting for that channel.`,
            )
          }
        } catch (error) {
          warnings.push(`The pending deliveries could not be saved (${toScannerError(error).message}).`)
        }
      }
      for (const warning of warnings) logger.warn(warning)
      return { results: [...results, ...absent], warnings }
    },

    async test(settings, signal) {
      return Promise.all(
        configuredChannels(settings).map(async (channel): Promise<ChannelTest> => {
          const timeoutMs = channel.policy.timeoutMs
          const budget = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
          try {
            if (channel.kind === 'email') {
              await verifyEmail(channel.email, { label: channel.label, signal: budget, timeoutMs })
              const signedIn = channel.email.username !== undefined ? ' and signed in' : ''
              return { channel: channel.key, label: channel.label, ok: true, message: `Connected${signedIn}.` }
            }
            await probeWebhook(channel.webhook, {
              label: channel.label,
              dispatcher: agent(),
              signal: budget,
              timeoutMs,
              now,
            })
            return {
              channel: channel.key,
              label: channel.label,
              ok: true,
              message: 'The service answers (nothing was posted).',
            }
          } catch (error) {
            return { channel: channel.key, label: channel.label, ok: false, message: toScannerError(error).message }
          }
        }),
      )
    },

    cards(settings) {
      const ready = configuredChannels(settings).map((channel): DeliveryCard => {
        const breaker = breakers.get(channel.key)
        return {
          key: channel.key,
          label: channel.label,
          kind: channel.kind,
          ready: true,
          breaker: breakerCard(breaker?.view() ?? null, channel.policy),
          last: lastResults.get(channel.key) ?? null,
          activity: activityOf(activity, channel.key),
        }
      })
      const waiting = settings.delivery.webhooks.flatMap((webhook, index): DeliveryCard[] => {
        if (webhook.url !== undefined) return []
        const { key, label } = webhookNames(webhook, index)
        return [
          {
            key,
            label,
            kind: 'webhook',
            ready: false,
            breaker: breakerCard(null, ownPolicy(settings, webhook.breaker)),
            last: lastResults.get(key) ?? null,
            activity: null,
          },
        ]
      })
      return [...ready, ...waiting]
    },

    async close() {
      for (const breaker of breakers.values()) breaker.shutdown()
      breakers.clear()
      await dispatcher?.close().catch(() => undefined)
      dispatcher = null
    },
  }
}

/** A channel's calls, percentiles and state changes; null before its breaker ever ran in this process. */
function activityOf(store: IntegrationStatusStore, key: string): DeliveryCard['activity'] {
  const snapshot = store.snapshot(key)
  return snapshot ? { window: snapshot.window, recentCalls: snapshot.recentCalls, timeline: snapshot.timeline } : null
}

function breakerCard(
  view: ReturnType<IntegrationBreaker<Work, void>['view']> | null,
  policy: { failMax: number; resetTimeoutMs: number; timeoutMs: number },
): DeliveryCard['breaker'] {
  if (!view) return { state: 'closed', consecutiveFailures: 0, ...policyOf(policy), nextTrialAt: null }
  return {
    state: view.state,
    consecutiveFailures: view.consecutiveFailures,
    failMax: view.failMax,
    resetTimeoutMs: view.resetTimeoutMs,
    timeoutMs: view.timeoutMs,
    nextTrialAt: view.nextTrialAt,
  }
}

function policyOf(policy: { failMax: number; resetTimeoutMs: number; timeoutMs: number }) {
  return { failMax: policy.failMax, resetTimeoutMs: policy.resetTimeoutMs, timeoutMs: policy.timeoutMs }
}

function notConfigured(channel: 'email' | 'webhook'): DeliveryResult {
  return { channel, status: 'not-configured', breaker: 'closed', late: false, message: null }
}

function currentEntries(
  report: DeliverableReport,
  channels: DeliveryChannel[],
  nowMs: number,
): Map<string, PendingDelivery> {
  const summary = buildDeliverySummary({
    model: report.model,
    coverage: report.coverage,
    files: report.files,
    timezone: report.timezone,
    postureScore: report.postureScore ?? null,
  })
  const createdAt = new Date(nowMs).toISOString()
  const stamp = `${nowMs.toString(36)}-${randomBytes(4).toString('hex')}`
  const entries = new Map<string, PendingDelivery>()
  let text: string | null = null
  for (const channel of channels) {
    let email: PendingDelivery['email'] = null
    if (channel.kind === 'email') {
      text ??= report.text ?? renderText(report.model)
      const attach =
        channel.email.attachReport && report.files.html
          ? [{ filename: basename(report.files.html), path: report.files.html }]
          : []
      email = { subject: summary.subject, html: renderEmailHtml(report.model, summary), text, attach }
    }
    entries.set(channel.key, {
      id: `${stamp}-${channel.key}`,
      channel: channel.key,
      createdAt,
      attempts: 0,
      lastError: null,
      summary,
      email,
    })
  }
  return entries
}
