/**
 * "Send test" of the settings window: one real message to one channel, clearly marked as a test, outside the
 * channel's breaker (a draft must not pause the channel the reports use) but within its timeout. A real send
 * proves what a connection check cannot: that the mail server accepts the sender and recipients, and that the
 * webhook takes our payload. Failures come back as their DeliveryError message, which never names a webhook URL.
 */
import { toScannerError } from '../errors.js'
import { createDispatcher } from '../http/dispatcher.js'
import type { DeliveryChannel } from './channels.js'
import { sendEmail } from './send-email.js'
import { postWebhook } from './send-webhook.js'
import type { DeliverySummary } from './summary.js'

export interface TestSendResult {
  ok: boolean
  message: string
}

export const TEST_SUBJECT = '[UniFi Scanner] Test message: delivery works'

/** The summary a test carries: no findings, no report files, and `test: true` for receivers that read JSON. */
export function testSummary(nowMs: number, timezone: string): DeliverySummary {
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(nowMs)
  return {
    product: 'UniFi Scanner',
    site: 'Test message',
    date,
    generatedAtIso: new Date(nowMs).toISOString(),
    counts: { severe: 0, medium: 0, low: 0, total: 0 },
    worst: null,
    countsAtLeast: false,
    urgentActions: [],
    coverageProblems: [],
    postureScore: null,
    reportFiles: { html: null, text: null },
    subject: `${TEST_SUBJECT} — ${date}`,
    test: true,
  }
}

const TEST_TEXT =
  'This is a test message from UniFi Scanner, sent with "Send test" in its settings. No report was made; reports will arrive here like this message did.'

export async function sendTestMessage(
  channel: DeliveryChannel,
  options: { signal: AbortSignal; timezone: string; now?: () => number },
): Promise<TestSendResult> {
  const now = options.now ?? Date.now
  const timeoutMs = channel.policy.timeoutMs
  // A backstop only: the SMTP and HTTP timeouts below fire first and say "did not answer in time", where an
  // abort at the same moment would read as "was cancelled".
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs + 1_000)])
  const summary = testSummary(now(), options.timezone)
  try {
    if (channel.kind === 'email') {
      await sendEmail(
        channel.email,
        {
          subject: summary.subject,
          text: TEST_TEXT,
          // A fixed sentence without markup characters: nothing to escape.
          html: `<p>${TEST_TEXT}</p>`,
          attachments: [],
        },
        { label: channel.label, signal, timeoutMs },
      )
      const to = channel.email.to.join(', ')
      return { ok: true, message: `Test message sent to ${to}. Check that it arrived.` }
    }
    // A dispatcher of its own: the test must not share (or close) the reports' connection pool.
    const dispatcher = createDispatcher({
      maxResponseBytes: 1024 * 1024,
      connectTimeoutMs: Math.min(timeoutMs, 10_000),
    })
    try {
      await postWebhook(channel.webhook, summary, { label: channel.label, dispatcher, signal, timeoutMs, now })
    } finally {
      await dispatcher.close().catch(() => undefined)
    }
    return { ok: true, message: `${channel.label} accepted the test message.` }
  } catch (error) {
    return { ok: false, message: toScannerError(error).message }
  }
}
