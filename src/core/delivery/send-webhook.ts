/**
 * Posting the summary to one webhook. The generic JSON format is signed when a secret is set: HMAC-SHA256 over
 * the exact body bytes, `X-UniFi-Scanner-Signature: sha256=<hex>`, with the send time in
 * `X-UniFi-Scanner-Timestamp` (ISO 8601) so a receiver can refuse replays. The reachability test sends no
 * message: a HEAD to the server's root, where any HTTP answer means the service is there.
 */
import { createHmac } from 'node:crypto'
import type { Dispatcher } from 'undici'
import { headerValue, httpRequest, parseRetryAfterMs } from '../http/request.js'
import { DeliveryError, rewordTransportError } from './errors.js'
import type { ReadyWebhook } from './channels.js'
import type { DeliverySummary } from './summary.js'
import { webhookBody } from './webhook-payloads.js'

export const SIGNATURE_HEADER = 'x-unifi-scanner-signature'
export const TIMESTAMP_HEADER = 'x-unifi-scanner-timestamp'

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

export interface WebhookSendContext {
  label: string
  dispatcher: Dispatcher
  signal: AbortSignal
  timeoutMs: number
  now: () => number
}

export async function postWebhook(
  webhook: ReadyWebhook,
  summary: DeliverySummary,
  ctx: WebhookSendContext,
): Promise<void> {
  const { url, body } = webhookBody(webhook.format, webhook.url, summary)
  const raw = JSON.stringify(body)
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'UniFi-Scanner',
  }
  if (webhook.format === 'json' && webhook.secret) {
    headers[TIMESTAMP_HEADER] = new Date(ctx.now()).toISOString()
    headers[SIGNATURE_HEADER] = signBody(webhook.secret, raw)
  }
  let response
  try {
    response = await httpRequest({
      url,
      method: 'POST',
      headers,
      body: raw,
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
    })
  } catch (error) {
    throw rewordTransportError(ctx.label, error)
  }
  if (response.status >= 200 && response.status < 300) return
  throw statusError(
    ctx.label,
    response.status,
    parseRetryAfterMs(headerValue(response.headers, 'retry-after'), ctx.now()),
  )
}

export async function probeWebhook(webhook: ReadyWebhook, ctx: WebhookSendContext): Promise<void> {
  const root = new URL('/', webhook.url).toString()
  try {
    await httpRequest({
      url: root,
      method: 'HEAD',
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
    })
  } catch (error) {
    throw rewordTransportError(ctx.label, error)
  }
}

function statusError(label: string, status: number, retryAfterMs: number | null): DeliveryError {
  if (status === 429) {
    const wait = retryAfterMs === null ? '' : ` and asked to wait ${Math.ceil(retryAfterMs / 1000)} s`
    return new DeliveryError(
      'rate-limited',
      'HTTP_429',
      `${label} refused the message for now (HTTP 429)${wait}; it is sent again with the next report.`,
      retryAfterMs,
    )
  }
  if (status >= 500 || status === 408) {
    return new DeliveryError(
      'server',
      `HTTP_${status}`,
      `${label} failed on its side (HTTP ${status}); the message is sent again with the next report.`,
    )
  }
  if (status === 401 || status === 403) {
    return new DeliveryError(
      'auth',
      `HTTP_${status}`,
      `${label} refused the message (HTTP ${status}): check the webhook URL and its permissions.`,
    )
  }
  return new DeliveryError(
    'config',
    `HTTP_${status}`,
    `${label} refused the message (HTTP ${status}): check the webhook URL and format.`,
  )
}
