/**
 * Delivery from the environment: `SMTP_*` and `REPORT_EMAIL_*` make (or override the fields of) the email
 * channel, `REPORT_WEBHOOK_*` adds one webhook named "webhook" beside those of the config file. Values are
 * handed to the settings schema as typed; the schema checks them.
 */
import type { Environment } from './env.js'

const EMAIL_VARS = {
  SMTP_HOST: 'host',
  SMTP_PORT: 'port',
  SMTP_TLS: 'tls',
  SMTP_USERNAME: 'username',
  SMTP_PASSWORD: 'password',
  REPORT_EMAIL_FROM: 'from',
  REPORT_EMAIL_TO: 'to',
} as const

export const DELIVERY_ENV_NAMES = [
  ...Object.keys(EMAIL_VARS),
  'REPORT_WEBHOOK_URL',
  'REPORT_WEBHOOK_FORMAT',
  'REPORT_WEBHOOK_SECRET',
] as const

/** The env webhook's name (its key in `report --json` and in the pending deliveries). */
export const ENV_WEBHOOK_NAME = 'webhook'

type JsonObject = Record<string, unknown>

const set = (env: Environment, name: string): string | undefined => {
  const value = env[name]
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')

/** `delivery` with the environment applied over the file's; also which groups came from the environment. */
export function applyDeliveryEnvironment(
  fileDelivery: unknown,
  env: Environment,
): { delivery: JsonObject | undefined; email: boolean; webhookIndex: number | null } {
  const base: JsonObject = isObject(fileDelivery) ? { ...fileDelivery } : {}
  const emailEnv: JsonObject = {}
  for (const [name, key] of Object.entries(EMAIL_VARS)) {
    const value = set(env, name)
    if (value === undefined) continue
    emailEnv[key] = key === 'port' ? (/^\d+$/.test(value) ? Number(value) : value) : key === 'to' ? list(value) : value
  }
  const email = Object.keys(emailEnv).length > 0
  if (email) base.email = { ...(isObject(base.email) ? base.email : {}), ...emailEnv }
  const url = set(env, 'REPORT_WEBHOOK_URL')
  let webhookIndex: number | null = null
  if (url !== undefined) {
    const format = set(env, 'REPORT_WEBHOOK_FORMAT')
    const secret = set(env, 'REPORT_WEBHOOK_SECRET')
    const fileHooks: unknown[] = Array.isArray(base.webhooks) ? (base.webhooks as unknown[]) : []
    webhookIndex = fileHooks.length
    base.webhooks = [
      ...fileHooks,
      { name: ENV_WEBHOOK_NAME, url, ...(format ? { format } : {}), ...(secret ? { secret } : {}) },
    ]
  }
  if (!email && webhookIndex === null && fileDelivery === undefined) return { delivery: undefined, email, webhookIndex }
  return { delivery: base, email, webhookIndex }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
