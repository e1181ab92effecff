/**
 * Pure form state of the Delivery section: the email channel and the webhooks as typed, checked with the shared
 * settings schema (the one main applies when saving), and the settings patch and "Send test" drafts made from
 * it. Typed secrets live only here until they are stored through `secret:set`; a stored one is never known to
 * the window, only whether it is set.
 */
import type { DeliveryTestRequest } from '../../../../shared/ipc/delivery-payloads.js'
import type { DeliveryPatch, DeliveryView } from '../../../../shared/ipc/payloads.js'
import { deliverySettingsSchema, MAX_WEBHOOKS, type SmtpTls, type WebhookFormat } from '../../../../shared/settings.js'
import { parseList } from './integration-draft.js'
import { numberFrom, validateWith, type FieldErrors } from './validate.js'

export { MAX_WEBHOOKS }

/** A channel's own breaker values as typed; blank follows the global breaker settings. */
export interface PolicyDraft {
  failMax: string
  resetTimeoutMs: string
  timeoutMs: string
}

export interface EmailDraft {
  host: string
  /** Blank: the TLS mode's default port. */
  port: string
  tls: SmtpTls
  username: string
  from: string
  /** Comma- or newline-separated. */
  to: string
  bcc: string
  attachReport: boolean
  breaker: PolicyDraft
  /** Typed, not stored yet. */
  password: string
}

export interface WebhookDraft {
  /** React's key: the saved id, or a local one for a webhook not saved yet. */
  key: string
  /** The saved webhook's id; absent until the first save gives it one. */
  id?: string
  name: string
  format: WebhookFormat
  breaker: PolicyDraft
  /** Typed, not stored yet. */
  url: string
  secret: string
}

export interface DeliveryDraft {
  email: EmailDraft | null
  webhooks: WebhookDraft[]
}

function policyDraft(policy: DeliveryView['webhooks'][number]['breaker']): PolicyDraft {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value))
  return {
    failMax: text(policy.failMax),
    resetTimeoutMs: text(policy.resetTimeoutMs),
    timeoutMs: text(policy.timeoutMs),
  }
}

export function emptyEmail(): EmailDraft {
  return {
    host: '',
    port: '',
    tls: 'starttls',
    username: '',
    from: '',
    to: '',
    bcc: '',
    attachReport: false,
    breaker: policyDraft({}),
    password: '',
  }
}

let localKeys = 0

export function emptyWebhook(): WebhookDraft {
  localKeys += 1
  return { key: `new-${localKeys}`, name: '', format: 'slack', breaker: policyDraft({}), url: '', secret: '' }
}

export function draftFromView(view: DeliveryView): DeliveryDraft {
  const email = view.email
  return {
    email: email
      ? {
          host: email.host,
          port: email.port === undefined ? '' : String(email.port),
          tls: email.tls,
          username: email.username ?? '',
          from: email.from,
          to: email.to.join(', '),
          bcc: email.bcc.join(', '),
          attachReport: email.attachReport,
          breaker: policyDraft(email.breaker),
          password: '',
        }
      : null,
    webhooks: view.webhooks.map((webhook) => ({
      key: webhook.id,
      id: webhook.id,
      name: webhook.name ?? '',
      format: webhook.format,
      breaker: policyDraft(webhook.breaker),
      url: '',
      secret: '',
    })),
  }
}

/** Blank fields are left out (the global value applies); anything else must be a number. */
export function policyOf(draft: PolicyDraft): { failMax?: number; resetTimeoutMs?: number; timeoutMs?: number } {
  const policy: { failMax?: number; resetTimeoutMs?: number; timeoutMs?: number } = {}
  if (draft.failMax.trim() !== '') policy.failMax = numberFrom(draft.failMax)
  if (draft.resetTimeoutMs.trim() !== '') policy.resetTimeoutMs = numberFrom(draft.resetTimeoutMs)
  if (draft.timeoutMs.trim() !== '') policy.timeoutMs = numberFrom(draft.timeoutMs)
  return policy
}

function portOf(text: string): number | null {
  return text.trim() === '' ? null : numberFrom(text)
}

/** What the schema sees: stand-ins for secrets that are set or typed (their values are never known here). */
function candidate(draft: DeliveryDraft, view: DeliveryView): unknown {
  const email = draft.email
  const emailCandidate = email
    ? {
        host: email.host,
        ...(portOf(email.port) === null ? {} : { port: portOf(email.port) }),
        tls: email.tls,
        ...(email.username.trim() === '' ? {} : { username: email.username }),
        ...(email.password.trim() !== '' || view.email?.passwordSet === true ? { password: 'set' } : {}),
        from: email.from,
        to: parseList(email.to),
        bcc: parseList(email.bcc),
        attachReport: email.attachReport,
        breaker: policyOf(email.breaker),
      }
    : undefined
  return {
    ...(emailCandidate ? { email: emailCandidate } : {}),
    webhooks: draft.webhooks.map((webhook) => ({
      ...(webhook.name.trim() === '' ? {} : { name: webhook.name }),
      format: webhook.format,
      // Only a typed URL is checked here; a stored one passed when it was saved.
      ...(webhook.url.trim() === '' ? {} : { url: webhook.url }),
      breaker: policyOf(webhook.breaker),
    })),
  }
}

/**
 * Problems by field path (`delivery.email.host`, `delivery.webhooks.0.url`): the shared schema's, with list
 * entries (`to.1`) reported on their list field and named, so the message says which address is wrong.
 */
export function validateDelivery(draft: DeliveryDraft, view: DeliveryView): FieldErrors {
  const checked = validateWith(deliverySettingsSchema, 'delivery', candidate(draft, view))
  if (checked.ok) return {}
  const errors: FieldErrors = {}
  for (const [path, message] of Object.entries(checked.errors)) {
    const entry = /^delivery\.email\.(to|bcc)\.(\d+)$/.exec(path)
    if (entry && draft.email) {
      const list = parseList(entry[1] === 'to' ? draft.email.to : draft.email.bcc)
      const field = `delivery.email.${entry[1]}`
      errors[field] ??= `"${list[Number(entry[2])] ?? ''}": ${message.charAt(0).toLowerCase()}${message.slice(1)}`
      continue
    }
    errors[path] ??= message
  }
  return errors
}

/** The errors of one channel: `email`, or the webhook's place in the list. */
export function channelErrors(errors: FieldErrors, channel: 'email' | number): FieldErrors {
  const prefix = channel === 'email' ? 'delivery.email.' : `delivery.webhooks.${channel}.`
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path.startsWith(prefix)))
}

/** The email channel's fields as typed, trimmed and parsed: what a save and a "Send test" both send. */
function emailFields(email: EmailDraft) {
  return {
    host: email.host.trim(),
    port: portOf(email.port),
    tls: email.tls,
    username: email.username.trim(),
    from: email.from.trim(),
    to: parseList(email.to),
    bcc: parseList(email.bcc),
    breaker: policyOf(email.breaker),
  }
}

/** The whole delivery settings, as the patch gives them: each channel whole, webhooks in their order. */
export function patchOf(draft: DeliveryDraft): { delivery: DeliveryPatch } {
  const email = draft.email
  return {
    delivery: {
      email: email ? { ...emailFields(email), attachReport: email.attachReport } : null,
      webhooks: draft.webhooks.map((webhook) => ({
        ...(webhook.id === undefined ? {} : { id: webhook.id }),
        ...(webhook.name.trim() === '' ? {} : { name: webhook.name.trim() }),
        format: webhook.format,
        breaker: policyOf(webhook.breaker),
      })),
    },
  }
}

/** "Send test" of the email as typed; an untyped password stays in main, which fills in the stored one. */
export function emailTestRequest(email: EmailDraft): DeliveryTestRequest {
  return {
    kind: 'email',
    email: emailFields(email),
    ...(email.password.trim() === '' ? {} : { password: email.password }),
  }
}

/** "Send test" of one webhook as typed; untyped URL and secret are the stored ones of that webhook (by id). */
export function webhookTestRequest(webhook: WebhookDraft): DeliveryTestRequest {
  return {
    kind: 'webhook',
    ...(webhook.id === undefined ? {} : { id: webhook.id }),
    webhook: { name: webhook.name.trim(), format: webhook.format, breaker: policyOf(webhook.breaker) },
    ...(webhook.url.trim() === '' ? {} : { url: webhook.url.trim() }),
    ...(webhook.secret.trim() === '' ? {} : { secret: webhook.secret }),
  }
}
