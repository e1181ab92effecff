/**
 * Settings schema shared by the desktop app (electron-store), the CLI (`--config FILE`) and the UI forms.
 * One schema, validated with zod at every boundary. Secrets live in the same shape here; the desktop app
 * stores them apart (encrypted) and never sends them to the renderer (see `settings-view.ts`).
 */
import { z } from 'zod'
import { isKnownTimeZone, scheduleSettingsSchema } from './schedule-settings.js'
import { apiBaseUrlProblem, isLoopbackHost, unifiAddressProblem, webhookUrlProblem } from './url-rules.js'

/** SHA-256 certificate fingerprint: 32 hex bytes, colon-separated or not, any case. */
export const fingerprintSchema = z
  .string()
  .max(200, 'must be a SHA-256 fingerprint: 64 hex digits, optionally colon-separated')
  .trim()
  .transform((value) => value.replace(/:/g, '').toUpperCase())
  .refine((value) => /^[0-9A-F]{64}$/.test(value), {
    message: 'must be a SHA-256 fingerprint: 64 hex digits, optionally colon-separated',
  })
  .transform((hex) => hex.match(/../g)!.join(':'))

/** Long enough for any URL, name, path or key; a bound so that no setting can hold megabytes. */
export const MAX_SETTING_TEXT = 4096

/** A text setting that may be left empty (empty and blank read as unset). */
export const optionalText = z
  .string()
  .max(MAX_SETTING_TEXT, `must be at most ${MAX_SETTING_TEXT} characters`)
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

/** An integration's API base for proxies, tests and the simulator: https only, except loopback. */
export const apiBaseUrlSetting = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .trim()
  .superRefine((value, ctx) => {
    const problem = apiBaseUrlProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .optional()

export const MAX_RESPONSE_BYTES = 1024 * 1024 * 1024

export const unifiSettingsSchema = z.object({
  /** `https://host:port`, `host:port` or `host`; without a port 443 → 8443 → 11443 are probed. */
  url: optionalText.superRefine((value, ctx) => {
    const problem = value === undefined ? null : unifiAddressProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  }),
  /** Site short name (`default`); optional when the controller has exactly one site. */
  site: optionalText,
  apiKey: optionalText,
  username: optionalText,
  password: optionalText,
  /** Pinned SHA-256 fingerprint of a self-signed console certificate (trust on first use). */
  tlsFingerprint: fingerprintSchema.optional(),
  /** Path to a PEM CA bundle that signed the console certificate. */
  caFile: optionalText,
  /** Response size cap in bytes for one controller call: 1 MiB to 1 GiB (the cap is what keeps memory bounded). */
  maxResponseBytes: z
    .number()
    .int()
    .min(1024 * 1024)
    .max(MAX_RESPONSE_BYTES, 'must be at most 1073741824 (1 GiB)')
    .default(64 * 1024 * 1024),
  /** Per-request timeout for controller calls. */
  requestTimeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
  /**
   * Time the whole UniFi collection may take (default: twice `requestTimeoutMs`). What was read by then is
   * reported; the rest is "unavailable (time budget)".
   */
  collectionBudgetMs: z.number().int().min(1000).max(3_600_000).optional(),
  /** Requests the scanner keeps open at once against the console: few enough that a small console copes. */
  maxConcurrentRequests: z.number().int().min(1).max(8).default(4),
})
export type UnifiSettings = z.infer<typeof unifiSettingsSchema>

/** Integration ids (`cloudflare`, `cybersecure`) and their field keys (`apiToken`): short, plain, path-safe. */
export const INTEGRATION_ID_PATTERN = /^[a-z][a-z0-9-]{0,31}$/
export const INTEGRATION_FIELD_KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/
export const MAX_INTEGRATIONS = 32
export const MAX_INTEGRATION_FIELDS = 64
export const MAX_INTEGRATION_LIST_ITEMS = 500

/**
 * One stored value of an integration field. The shape is generic here (bounded, so no setting can hold
 * megabytes); what the value means, and its finer rules, belong to the integration's own schema in the engine.
 */
export const integrationValueSchema = z.union([
  z.string().max(MAX_SETTING_TEXT, `must be at most ${MAX_SETTING_TEXT} characters`),
  z.number().finite(),
  z.boolean(),
  z
    .array(z.string().max(MAX_SETTING_TEXT, `must be at most ${MAX_SETTING_TEXT} characters`))
    .max(MAX_INTEGRATION_LIST_ITEMS, `must have at most ${MAX_INTEGRATION_LIST_ITEMS} entries`),
])
export type IntegrationValue = z.infer<typeof integrationValueSchema>

export const integrationValuesSchema = z
  .record(
    z.string().regex(INTEGRATION_FIELD_KEY_PATTERN, 'is not a field name (letters and digits, starting lower-case)'),
    integrationValueSchema,
  )
  .refine((values) => Object.keys(values).length <= MAX_INTEGRATION_FIELDS, {
    message: `must have at most ${MAX_INTEGRATION_FIELDS} fields`,
  })
export type IntegrationValues = z.infer<typeof integrationValuesSchema>

/**
 * `settings.integrations[<id>]`: each integration's own values, keyed by its field keys. Integrations declare their
 * fields in their own folder; the engine validates each entry with that integration's schema.
 */
export const integrationsSettingsSchema = z
  .record(z.string().regex(INTEGRATION_ID_PATTERN, 'is not an integration id'), integrationValuesSchema)
  .refine((all) => Object.keys(all).length <= MAX_INTEGRATIONS, {
    message: `must have at most ${MAX_INTEGRATIONS} integrations`,
  })
export type IntegrationsSettings = z.infer<typeof integrationsSettingsSchema>

export const breakerPolicySchema = z
  .object({
    failMax: z.number().int().min(1).max(100).default(3),
    resetTimeoutMs: z.number().int().min(100).max(86_400_000).default(60_000),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  })
  .refine((policy) => policy.timeoutMs < policy.resetTimeoutMs, {
    message: 'breaker.timeoutMs must be shorter than breaker.resetTimeoutMs',
    path: ['timeoutMs'],
  })
export type BreakerPolicy = z.infer<typeof breakerPolicySchema>

const warnCritical = (warning: number, critical: number, range: { min: number; max: number }) =>
  z
    .object({
      warning: z.number().min(range.min).max(range.max).default(warning),
      critical: z.number().min(range.min).max(range.max).default(critical),
    })
    .refine((pair) => pair.warning <= pair.critical, {
      message: 'warning must not exceed critical',
    })
    .default({ warning, critical })

const PERCENT = { min: 0, max: 100 }

export const healthThresholdsSchema = z.object({
  temperatureC: warnCritical(80, 90, { min: -40, max: 150 }),
  cpuPercent: warnCritical(80, 95, PERCENT),
  memoryPercent: warnCritical(85, 95, PERCENT),
  uptimeDays: warnCritical(90, 180, { min: 0, max: 3650 }),
  poeBudgetPercent: warnCritical(80, 95, PERCENT),
})
export type HealthThresholds = z.infer<typeof healthThresholdsSchema>

export const reportFormatSchema = z.enum(['html', 'text', 'both'])
export type ReportFormat = z.infer<typeof reportFormatSchema>

export const reportSettingsSchema = z.object({
  lookbackHours: z.number().int().min(1).max(720).default(24),
  /** Where reports, history and run state are written; empty = the app's default folder. */
  outputDir: optionalText,
  format: reportFormatSchema.default('both'),
  /** Days to keep report files; 0 keeps them forever. */
  retentionDays: z.number().int().min(0).max(3650).default(30),
  /** IANA timezone for dates in the report and for cron schedules. */
  timezone: z
    .string()
    .max(64)
    .default('UTC')
    .refine(isKnownTimeZone, { message: 'must be an IANA timezone such as Europe/Berlin or UTC' }),
})
export type ReportSettings = z.infer<typeof reportSettingsSchema>

/** A delivery channel's own breaker and timeout; what is left out comes from the global `breaker` settings. */
export const channelPolicySchema = z
  .object({
    failMax: z.number().int().min(1).max(100).optional(),
    resetTimeoutMs: z.number().int().min(100).max(86_400_000).optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
  })
  .optional()
export type ChannelPolicy = z.infer<typeof channelPolicySchema>

/**
 * `settings.sources[<integration id>]`: what the admin decided for one source on the Status tab. `paused` forces
 * the source off until resumed (the one breaker fact that outlives a restart: breaker state itself starts closed
 * so a fresh start tries every source once); `breaker` is the source's own policy over the global one.
 */
export const sourceSettingsSchema = z.object({
  paused: z.boolean().default(false),
  breaker: channelPolicySchema,
})
export type SourceSettings = z.infer<typeof sourceSettingsSchema>

export const sourcesSettingsSchema = z
  .record(z.string().regex(INTEGRATION_ID_PATTERN, 'is not an integration id'), sourceSettingsSchema)
  .refine((all) => Object.keys(all).length <= MAX_INTEGRATIONS, {
    message: `must have at most ${MAX_INTEGRATIONS} sources`,
  })

const EMAIL_ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/
const emailAddress = z
  .string()
  .trim()
  .max(320)
  .refine((value) => EMAIL_ADDRESS.test(value), { message: 'must be an email address such as admin@example.com' })

export const smtpTlsSchema = z.enum(['implicit', 'starttls', 'none'])
export type SmtpTls = z.infer<typeof smtpTlsSchema>

export const emailDeliverySchema = z
  .object({
    host: z.string().trim().min(1, 'must name the SMTP server').max(253),
    /** Default by TLS mode: 465 implicit, 587 STARTTLS, 25 none. */
    port: z.number().int().min(1).max(65_535).optional(),
    /** `implicit` (TLS from the first byte), `starttls` (upgrade required), `none` (only to a relay on this computer). */
    tls: smtpTlsSchema.default('starttls'),
    username: optionalText,
    password: optionalText,
    from: emailAddress,
    to: z.array(emailAddress).min(1, 'must list at least one recipient').max(50),
    bcc: z.array(emailAddress).max(50).default([]),
    /** Attach the HTML report file to the mail. */
    attachReport: z.boolean().default(false),
    /**
     * Path to a PEM CA bundle (or the server's own self-signed certificate) that signed the mail server's
     * certificate, trusted besides the system store; like the console's CA file, never a switch that turns
     * verification off.
     */
    caFile: optionalText,
    breaker: channelPolicySchema,
  })
  .superRefine((email, ctx) => {
    if (email.tls === 'none' && !isLoopbackHost(email.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tls'],
        message: 'may be "none" (no encryption) only for a mail relay on this computer (localhost or 127.0.0.1)',
      })
    }
    if (email.password !== undefined && email.username === undefined) {
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'is required when a password is set' })
    }
  })
export type EmailDeliverySettings = z.infer<typeof emailDeliverySchema>

export const webhookFormatSchema = z.enum(['slack', 'teams', 'discord', 'ntfy', 'json'])
export type WebhookFormat = z.infer<typeof webhookFormatSchema>

/** A webhook's stable id: it names its secret paths, so they survive renaming, reordering and removal of others. */
export const WEBHOOK_ID_PATTERN = /^[a-z0-9]{4,32}$/

/** A webhook URL: https only, except loopback; no user name or password in it. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(MAX_SETTING_TEXT)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const webhookDeliverySchema = z.object({
  /** Stable id (the app gives every webhook one when it is added); optional in a hand-written config file. */
  id: z.string().regex(WEBHOOK_ID_PATTERN, 'must be 4 to 32 lower-case letters and digits').optional(),
  /** How the channel is named in output and on the Status tab (the URL is a secret and never shown). */
  name: optionalText,
  /**
   * A secret: chat webhook URLs carry their token. Absent while the app's secret store does not hold it yet (the
   * webhook is then not sent to).
   */
  url: webhookUrlSchema.optional(),
  format: webhookFormatSchema.default('json'),
  /** HMAC-SHA256 key for the `json` format's signature header. */
  secret: optionalText,
  breaker: channelPolicySchema,
})
export type WebhookDeliverySettings = z.infer<typeof webhookDeliverySchema>

export const MAX_WEBHOOKS = 10

export const deliverySettingsSchema = z.object({
  email: emailDeliverySchema.optional(),
  webhooks: z
    .array(webhookDeliverySchema)
    .max(MAX_WEBHOOKS, `must have at most ${MAX_WEBHOOKS} webhooks`)
    .default([])
    .superRefine((webhooks, ctx) => {
      // Ids name secret paths and names name channels (breakers, pending deliveries): both must be unique.
      const ids = new Set<string>()
      const names = new Set<string>()
      webhooks.forEach((webhook, index) => {
        if (webhook.id !== undefined) {
          if (ids.has(webhook.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'is used twice' })
          ids.add(webhook.id)
        }
        if (webhook.name !== undefined) {
          const name = webhook.name.toLowerCase()
          if (names.has(name))
            ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'is the name of another webhook' })
          names.add(name)
        }
      })
    }),
})
export type DeliverySettings = z.infer<typeof deliverySettingsSchema>

/** 2: integration settings moved under `integrations.<id>` (version 1 had a top-level `cloudflare` section). */
export const SETTINGS_SCHEMA_VERSION = 2

export const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION).default(SETTINGS_SCHEMA_VERSION),
  unifi: unifiSettingsSchema.default(unifiSettingsSchema.parse({})),
  integrations: integrationsSettingsSchema.default({}),
  breaker: breakerPolicySchema.default(breakerPolicySchema.parse({})),
  /** Per integration: paused by the admin, and its own breaker policy. */
  sources: sourcesSettingsSchema.default({}),
  report: reportSettingsSchema.default(reportSettingsSchema.parse({})),
  thresholds: healthThresholdsSchema.default(healthThresholdsSchema.parse({})),
  delivery: deliverySettingsSchema.default(deliverySettingsSchema.parse({})),
  /** The tray app's own schedule (the CLI's `schedule` takes `--every`/`--cron` instead). */
  schedule: scheduleSettingsSchema.default(scheduleSettingsSchema.parse({})),
})
export type Settings = z.infer<typeof settingsSchema>
/** What a config file or the UI may supply before defaults are applied. */
export type SettingsInput = z.input<typeof settingsSchema>

export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}

/** The UniFi secrets; each integration's secret fields add `integrations.<id>.<key>` (listed by the engine). */
export const UNIFI_SECRET_PATHS = ['unifi.password', 'unifi.apiKey'] as const
export type UnifiSecretPath = (typeof UNIFI_SECRET_PATHS)[number]
export type IntegrationSecretPath = `integrations.${string}.${string}`
/** The SMTP password, and each webhook's URL and signing secret by the webhook's stable id. */
export type DeliverySecretPath = 'delivery.email.password' | `delivery.webhooks.${string}.${'url' | 'secret'}`
/** Paths of the settings that are secrets: never logged, never sent to the renderer, never in a report. */
export type SecretSettingPath = UnifiSecretPath | IntegrationSecretPath | DeliverySecretPath

export const EMAIL_PASSWORD_PATH = 'delivery.email.password' as const
export const DELIVERY_SECRET_PATH_PATTERN = /^delivery\.(?:email\.password|webhooks\.([a-z0-9]{4,32})\.(url|secret))$/

export function webhookSecretPath(id: string, key: 'url' | 'secret'): DeliverySecretPath {
  return `delivery.webhooks.${id}.${key}`
}

/** `{ id, key }` of a webhook secret path, or null for any other path. */
export function parseWebhookSecretPath(path: string): { id: string; key: 'url' | 'secret' } | null {
  const match = DELIVERY_SECRET_PATH_PATTERN.exec(path)
  return match?.[1] !== undefined ? { id: match[1], key: match[2] === 'url' ? 'url' : 'secret' } : null
}

export function isDeliverySecretPath(path: string): path is DeliverySecretPath {
  return DELIVERY_SECRET_PATH_PATTERN.test(path)
}

export const INTEGRATION_SECRET_PATH_PATTERN = /^integrations\.([a-z][a-z0-9-]{0,31})\.([a-z][A-Za-z0-9]{0,63})$/

export function integrationSecretPath(id: string, key: string): IntegrationSecretPath {
  return `integrations.${id}.${key}`
}

/** `{ id, key }` of an integration secret path, or null for a UniFi path or anything else. */
export function parseIntegrationSecretPath(path: string): { id: string; key: string } | null {
  const match = INTEGRATION_SECRET_PATH_PATTERN.exec(path)
  return match ? { id: match[1]!, key: match[2]! } : null
}

export function isSecretSettingPath(path: string): path is SecretSettingPath {
  return (
    (UNIFI_SECRET_PATHS as readonly string[]).includes(path) ||
    INTEGRATION_SECRET_PATH_PATTERN.test(path) ||
    DELIVERY_SECRET_PATH_PATTERN.test(path)
  )
}
