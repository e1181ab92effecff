/**
 * Settings schema shared by the desktop app (electron-store), the CLI (`--config FILE`) and the UI forms.
 * One schema, validated with zod at every boundary. Secrets live in the same shape here; the desktop app
 * stores them apart (encrypted) and never sends them to the renderer (see `settings-view.ts`).
 */
import { z } from 'zod'
import { apiBaseUrlProblem, unifiAddressProblem } from './url-rules.js'

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

const optionalText = z
  .string()
  .max(MAX_SETTING_TEXT, `must be at most ${MAX_SETTING_TEXT} characters`)
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

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

export const cloudflareSettingsSchema = z.object({
  apiToken: optionalText,
  accountId: optionalText,
  /** Zone names or ids; empty = every zone the token can read. */
  zones: z.array(z.string().trim().min(1).max(253)).max(200).default([]),
  /** API base for tests and the simulator; https only, except loopback. */
  apiUrl: z
    .string()
    .max(2048, 'must be at most 2048 characters')
    .trim()
    .superRefine((value, ctx) => {
      const problem = apiBaseUrlProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .optional(),
})
export type CloudflareSettings = z.infer<typeof cloudflareSettingsSchema>

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

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const settingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  unifi: unifiSettingsSchema.default(unifiSettingsSchema.parse({})),
  cloudflare: cloudflareSettingsSchema.default(cloudflareSettingsSchema.parse({})),
  breaker: breakerPolicySchema.default(breakerPolicySchema.parse({})),
  report: reportSettingsSchema.default(reportSettingsSchema.parse({})),
  thresholds: healthThresholdsSchema.default(healthThresholdsSchema.parse({})),
})
export type Settings = z.infer<typeof settingsSchema>
/** What a config file or the UI may supply before defaults are applied. */
export type SettingsInput = z.input<typeof settingsSchema>

export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}

/** Paths of the settings that are secrets: never logged, never sent to the renderer, never in a report. */
export const SECRET_SETTING_PATHS = ['unifi.password', 'unifi.apiKey', 'cloudflare.apiToken'] as const
export type SecretSettingPath = (typeof SECRET_SETTING_PATHS)[number]
