/**
 * "Send test" of one delivery channel with what the form holds. Typed secrets win; an absent one is the stored
 * secret of that same channel only — the SMTP password only for the mail server it was saved for, a webhook's
 * URL only for that webhook (by id), its signing secret only for the origin it was saved for. The renderer
 * never receives a stored secret: the answer is a message, scrubbed of every secret this test used.
 */
import { webhookNames, type DeliveryChannel } from '../../core/delivery/channels.js'
import { ownPolicy } from '../../core/integrations/policy.js'
import { sendTestMessage } from '../../core/delivery/test-send.js'
import type { Logger } from '../../core/logger.js'
import { scrubKnownSecrets } from '../../core/report/scrub-secrets.js'
import type { DeliveryTestResult } from '../../shared/ipc/delivery-payloads.js'
import type { ValidInvokeRequest } from '../../shared/ipc/contract.js'
import { emailDeliverySchema, webhookDeliverySchema, type Settings } from '../../shared/settings.js'
import { asSentence } from '../../shared/text/message-parts.js'
import { webhookUrlProblem } from '../../shared/url-rules.js'
import { emailTarget, webhookOrigin } from '../settings/secret-binding.js'

export type DeliveryTestDraft = ValidInvokeRequest<'delivery:test'>

export interface DeliveryTesterDeps {
  logger: Logger
  signal?: AbortSignal
  now?: () => number
  /** Where the real send goes; tests of the secret rules replace it to see what would be sent. */
  send?: typeof sendTestMessage
}

export async function testDeliveryDraft(
  stored: Settings,
  draft: DeliveryTestDraft,
  deps: DeliveryTesterDeps,
): Promise<DeliveryTestResult> {
  const built = draft.kind === 'email' ? emailChannel(stored, draft) : webhookChannel(stored, draft)
  if ('problem' in built) return { ok: false, message: built.problem }
  const send = deps.send ?? sendTestMessage
  const result = await send(built.channel, {
    signal: deps.signal ?? new AbortController().signal,
    timezone: stored.report.timezone,
    ...(deps.now ? { now: deps.now } : {}),
  })
  deps.logger.info(result.ok ? 'delivery_test_sent' : 'delivery_test_failed', { channel: built.channel.key })
  return { ok: result.ok, message: scrubKnownSecrets(result.message, built.secrets).slice(0, 2000) }
}

type Built = { channel: DeliveryChannel; secrets: string[] } | { problem: string }

function emailChannel(stored: Settings, draft: Extract<DeliveryTestDraft, { kind: 'email' }>): Built {
  const { port, username, breaker, ...rest } = draft.email
  const saved = stored.delivery.email
  const base = {
    ...rest,
    ...(port === null ? {} : { port }),
    ...(username.trim() === '' ? {} : { username }),
    // The CA file is only ever chosen in main's dialog: the saved one is the trust a test can use.
    ...(saved?.caFile === undefined ? {} : { caFile: saved.caFile }),
    breaker: withoutEmpty(breaker),
  }
  const target = emailDeliverySchema.safeParse(base)
  if (!target.success) return { problem: formProblem('Email', target.error.issues) }
  const typed = draft.password?.trim() ? draft.password : undefined
  const sameServer = saved !== undefined && emailTarget(saved) === emailTarget(target.data)
  const password = typed ?? (sameServer ? saved.password : undefined)
  const parsed = emailDeliverySchema.safeParse(password === undefined ? base : { ...base, password })
  if (!parsed.success) return { problem: formProblem('Email', parsed.error.issues) }
  return {
    channel: {
      kind: 'email',
      key: 'email',
      label: 'Email',
      policy: ownPolicy(stored, parsed.data.breaker),
      email: parsed.data,
    },
    secrets: [password].filter(isText),
  }
}

function webhookChannel(stored: Settings, draft: Extract<DeliveryTestDraft, { kind: 'webhook' }>): Built {
  const webhooks = stored.delivery.webhooks
  const index = draft.id === undefined ? -1 : webhooks.findIndex((webhook) => webhook.id === draft.id)
  const saved = index >= 0 ? webhooks[index] : undefined
  if (draft.id !== undefined && !saved) {
    return { problem: 'This webhook is no longer in the saved settings: save the delivery settings, then test again.' }
  }
  const base = {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    ...(draft.webhook.name.trim() === '' ? {} : { name: draft.webhook.name }),
    format: draft.webhook.format,
    breaker: withoutEmpty(draft.webhook.breaker),
  }
  const shape = webhookDeliverySchema.safeParse(base)
  if (!shape.success) return { problem: formProblem('Webhook', shape.error.issues) }
  const { label } = webhookNames(shape.data, index >= 0 ? index : webhooks.length)
  const url = draft.url?.trim() ? draft.url.trim() : saved?.url
  if (url === undefined) return { problem: `${label} has no URL yet: enter the webhook URL, then test again.` }
  const problem = webhookUrlProblem(url)
  if (problem) return { problem: asSentence(`The webhook URL ${problem}`) }
  const typedSecret = draft.secret?.trim() ? draft.secret : undefined
  const sameOrigin = saved?.url !== undefined && webhookOrigin(saved.url) === webhookOrigin(url)
  const secret = typedSecret ?? (sameOrigin ? saved.secret : undefined)
  const parsed = webhookDeliverySchema.safeParse({ ...base, url, ...(secret === undefined ? {} : { secret }) })
  if (!parsed.success || parsed.data.url === undefined) {
    return { problem: parsed.success ? `${label} has no URL yet.` : formProblem(label, parsed.error.issues) }
  }
  return {
    channel: {
      kind: 'webhook',
      key: webhookNames(parsed.data, index >= 0 ? index : webhooks.length).key,
      label,
      policy: ownPolicy(stored, parsed.data.breaker),
      webhook: { ...parsed.data, url: parsed.data.url },
    },
    secrets: [url, secret, draft.url, draft.secret].filter(isText),
  }
}

function formProblem(label: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || 'value'} ${issue.message}`)
  return asSentence(`${label}: fix the form first (${parts.join('; ')})`)
}

function withoutEmpty(policy: Record<string, number | undefined>): Record<string, number> | undefined {
  const entries = Object.entries(policy).filter((entry): entry is [string, number] => entry[1] !== undefined)
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}
