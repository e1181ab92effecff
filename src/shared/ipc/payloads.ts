/**
 * zod schemas of the values that cross IPC. Plain JSON only (structured clone drops class instances), and no
 * secret ever travels main → renderer: settings travel as a view with "is set" flags in place of passwords, keys
 * and tokens. Secrets travel only renderer → main (`secret:set`, draft connection tests).
 */
import { z } from 'zod'
import { TIMELINE_MAX_TRANSITIONS } from '../integration-status.js'
import { recentCallsSchema, sourceTimelineSchema, sourceWindowSchema } from './source-activity.js'
import { deliveryStatusSchema } from './delivery-payloads.js'
import { schedulePresetDraftSchema, scheduleStatusSchema } from './schedule-payloads.js'
import {
  DELIVERY_SECRET_PATH_PATTERN,
  MAX_WEBHOOKS,
  type DeliverySecretPath,
  smtpTlsSchema,
  webhookFormatSchema,
  fingerprintSchema,
  INTEGRATION_SECRET_PATH_PATTERN,
  INTEGRATION_ID_PATTERN,
  integrationsSettingsSchema,
  integrationValuesSchema,
  UNIFI_SECRET_PATHS,
  type IntegrationSecretPath,
  settingsSchema,
  unifiSettingsSchema,
} from '../settings.js'

export const ipcFailureSchema = z.object({ code: z.string(), kind: z.string(), message: z.string() })

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** `process.platform` of the main process. */
  platform: z.string(),
  /** Electron version, or null when the handler layer runs without Electron (tests, design mode). */
  electronVersion: z.string().nullable(),
  reportsDir: z.string(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

/** The About box: the app's version and licence, and each integration's attribution lines (its data sources). */
export const aboutInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  licence: z.string(),
  integrations: z.array(
    z.object({ id: z.string(), displayName: z.string(), attribution: z.array(z.string().max(1000)).max(32) }),
  ),
})
export type AboutInfo = z.infer<typeof aboutInfoSchema>

export const reportSummarySchema = z.object({
  id: z.string(),
  /** Epoch ms when the report finished. */
  finishedAt: z.number(),
  /** One line for the tray, the notification and the status screen, e.g. "3 severe findings". */
  headline: z.string(),
  /** Absolute paths of the written files (HTML and/or text). */
  files: z.array(z.string()),
  /** True for a "Try with demo data" report (simulated controller, fake Cloudflare). */
  demo: z.boolean().optional(),
  /** Number of severe findings (drives the notification wording); absent for older summaries. */
  severe: z.number().int().min(0).optional(),
  /** "Incomplete: could not check …" when a core source was not read; absent when the report is complete. */
  incomplete: z.string().optional(),
  /** The console as the run reached it (kind and version), for the UniFi card's "last contact". */
  console: z.object({ kind: z.enum(['unifi-os', 'classic']).nullable(), version: z.string().nullable() }).optional(),
  /** The configuration posture of the report: score, grade, the drift sentence and the top gaps (no evidence). */
  posture: z
    .object({
      score: z.number().int().min(0).max(100).nullable(),
      grade: z.string().max(4).nullable(),
      drift: z.string().max(600).nullable(),
      topGaps: z
        .array(z.object({ id: z.string().max(64), title: z.string().max(200), severity: z.string().max(16) }))
        .max(5),
      /** How many checks could not be evaluated, and why there is no score or the reason they all share. */
      unchecked: z.object({ count: z.number().int().min(0), reason: z.string().max(300).nullable() }).optional(),
    })
    .optional(),
})
export type ReportSummary = z.infer<typeof reportSummarySchema>

export const reportProgressSchema = z.object({
  /** What the run is doing now, e.g. "collecting threats". */
  phase: z.string(),
  /** 0–100. */
  percent: z.number().min(0).max(100),
})
export type ReportProgress = z.infer<typeof reportProgressSchema>

// ——— Integration and UniFi status cards ———

/** Mirrors `IntegrationStatusSnapshot` (src/shared/integration-status.ts), the runtime's live card data. */
export const integrationStatusSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  configuration: z.object({
    state: z.enum(['not-configured', 'partial', 'configured']),
    /** Keys of the missing required fields, e.g. `cloudflare.apiToken` (only for `partial`). */
    missing: z.array(z.string()),
  }),
  breaker: z.object({
    state: z.enum(['closed', 'open', 'half-open']),
    consecutiveFailures: z.number(),
    failMax: z.number(),
    resetTimeoutMs: z.number(),
    timeoutMs: z.number(),
    openedAt: z.number().nullable(),
    /** Countdown target: epoch ms when the next trial call is let through while open. */
    nextTrialAt: z.number().nullable(),
    /** Half-open with the trial call running ("probing…"). */
    trialInFlight: z.boolean(),
  }),
  /** `kind` is the error class (`auth`, `timeout`, `unreachable`, `circuit-open`, …). */
  lastError: z
    .object({
      message: z.string(),
      kind: z.string(),
      counted: z.boolean(),
      at: z.number(),
      retryAfterMs: z.number().nullable().optional(),
    })
    .nullable(),
  lastSuccessAt: z.number().nullable(),
  lastLatencyMs: z.number().nullable(),
  updatedAt: z.number(),
  /** Rolling window counts for the small chart. */
  window: sourceWindowSchema,
  /** The last calls, newest first, for the card's table. */
  recentCalls: recentCallsSchema,
  /** The last 24 h of state changes, oldest first, for the card's strip. */
  timeline: sourceTimelineSchema,
  trip: z
    .object({
      cause: z.enum(['outage', 'timeout', 'rate-limit', 'credentials', 'configuration']),
      text: z.string().max(2000),
      retryAfterMs: z.number().nullable(),
      at: z.number(),
    })
    .nullable(),
  controls: z.object({
    paused: z.boolean(),
    ownPolicy: z.array(z.enum(['failMax', 'resetTimeoutMs', 'timeoutMs'])).max(3),
    reportsWithoutSection: z.number().int().min(0),
  }),
})
export type IntegrationStatus = z.infer<typeof integrationStatusSchema>

export const controllerSummarySchema = z.object({
  kind: z.enum(['unifi-os', 'classic']),
  baseUrl: z.string(),
  version: z.string().nullable(),
  hostname: z.string().nullable(),
  authMethod: z.enum(['api-key', 'password']),
})
export type ControllerSummary = z.infer<typeof controllerSummarySchema>

/** The UniFi connection card. */
export const unifiCardSchema = z.object({
  configuration: z.object({
    state: z.enum(['not-configured', 'partial', 'configured']),
    /** Missing keys, e.g. `unifi.url`, `unifi.password` (for username + password without a password). */
    missing: z.array(z.string()),
  }),
  /** Outcome of the last contact with the console (a test or a report): `unknown` only until the first one. */
  connection: z.enum(['unknown', 'connected', 'failed', 'untrusted-certificate']),
  /** Where the last contact came from. */
  checkedBy: z.enum(['test', 'report']).nullable(),
  /** The UniFi settings changed after the last contact: it is still shown, marked as made with the earlier ones. */
  settingsChangedSince: z.boolean(),
  controller: controllerSummarySchema.nullable(),
  site: z.string().nullable(),
  lastCheckedAt: z.number().nullable(),
  lastError: ipcFailureSchema.nullable(),
  /** How the console certificate is trusted besides the system store. */
  trust: z.object({ pinnedFingerprint: z.string().nullable(), caFile: z.string().nullable() }),
  /** The last calls to the console, their latencies over the rolling window, and the last 24 h of contacts. */
  activity: z.object({
    window: z.object({
      windowMs: z.number(),
      requests: z.number().int().min(0),
      p50Ms: z.number().nullable(),
      p90Ms: z.number().nullable(),
      p99Ms: z.number().nullable(),
      maxMs: z.number().nullable(),
    }),
    recentCalls: recentCallsSchema,
    contacts: z
      .array(
        z.object({
          at: z.number(),
          connection: z.enum(['connected', 'failed', 'untrusted-certificate']),
          by: z.enum(['test', 'report']),
          /** The failure's class and code (never its message); null for a contact that worked. */
          cause: z.string().max(200).nullable(),
        }),
      )
      .max(TIMELINE_MAX_TRANSITIONS),
  }),
})
export type UnifiCard = z.infer<typeof unifiCardSchema>

/** Something the window shows as a banner (and main as a notification when it first appears). */
export const noticeSchema = z.object({
  /** Stable id, e.g. `settings-recovered`, `secrets-session-only`. */
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
})
export type Notice = z.infer<typeof noticeSchema>

/** The overall state; it also picks the tray icon. */
/**
 * The updater as the window and tray show it. `available` waits for the admin's choice (`dismissed` after "Later");
 * `downloading` and `installing` follow "Install and restart". `disabled` in builds that never update themselves.
 */
export const updateStatusSchema = z.object({
  state: z.enum(['disabled', 'idle', 'checking', 'available', 'downloading', 'installing']),
  version: z.string().nullable(),
  /** Plain text (never HTML), at most a few thousand characters. */
  releaseNotes: z.string().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  dismissed: z.boolean(),
  lastCheckedAt: z.number().nullable(),
})
export type UpdateStatus = z.infer<typeof updateStatusSchema>

export const appStateSchema = z.enum(['idle', 'running', 'attention', 'error'])
export type AppState = z.infer<typeof appStateSchema>

export const appStatusSchema = z.object({
  state: appStateSchema,
  /** Short line, e.g. "Ready" or "UniFi is not configured". */
  headline: z.string(),
  /** What to do next, in a sentence. */
  detail: z.string(),
  unifiConfigured: z.boolean(),
  /** Why "Generate report now" is unavailable, or null when it can run. */
  generateBlockedReason: z.string().nullable(),
  /** Progress of the running report, or null when none runs. */
  progress: reportProgressSchema.nullable(),
  lastReport: reportSummarySchema.nullable(),
  /** Why the last run failed, or null. */
  lastError: ipcFailureSchema.nullable(),
  /** Epoch ms when the last run failed or was cancelled; absent before any. */
  lastErrorAt: z.number().nullable().optional(),
  /** Epoch ms of the change this status reflects. */
  updatedAt: z.number(),
  /** The UniFi connection card; absent only from builds without the desktop host (design mode). */
  unifi: unifiCardSchema.optional(),
  /** One card per optional integration (Cloudflare, CyberSecure), in registry order. */
  integrations: z.array(integrationStatusSchema).optional(),
  /** Banners: recovered settings file, session-only secrets, … */
  notices: z.array(noticeSchema).optional(),
  /** The tray's schedule and its next run; absent where no scheduler runs (design mode). */
  schedule: scheduleStatusSchema.optional(),
  /** One card per configured delivery channel and the reports still waiting to go out; absent without a host. */
  delivery: deliveryStatusSchema.optional(),
})
export type AppStatus = z.infer<typeof appStatusSchema>

// ——— Settings ———

/**
 * A secret's path: the UniFi ones, `integrations.<id>.<key>` for an integration's secret field, or a delivery
 * channel's (`delivery.email.password`, `delivery.webhooks.<id>.url|secret`). Main refuses a well-formed path
 * that no registered integration declares or no configured channel has.
 */
export const secretKeySchema = z.union([
  z.enum(UNIFI_SECRET_PATHS),
  z.custom<IntegrationSecretPath>(
    (value) => typeof value === 'string' && value.length <= 200 && INTEGRATION_SECRET_PATH_PATTERN.test(value),
    { message: 'is not a secret setting' },
  ),
  z.custom<DeliverySecretPath>(
    (value) => typeof value === 'string' && value.length <= 200 && DELIVERY_SECRET_PATH_PATTERN.test(value),
    { message: 'is not a secret setting' },
  ),
])

export const secretStorageSchema = z.object({
  /**
   * `encrypted`: OS encryption (Keychain, DPAPI, libsecret/kwallet) protects the secrets on disk.
   * `session-only`: secrets live in memory and are forgotten on quit — chosen by the admin, or forced because
   * the OS offers no real encryption (then `encryptionAvailable` is false and `warning` says so).
   */
  mode: z.enum(['encrypted', 'session-only']),
  encryptionAvailable: z.boolean(),
  /** Linux safeStorage backend (`basic_text`, `gnome_libsecret`, `kwallet5`, …); null elsewhere. */
  backend: z.string().nullable(),
  /** Why secrets are not protected on disk, for a banner; null when they are. */
  warning: z.string().nullable(),
})
export type SecretStorage = z.infer<typeof secretStorageSchema>

/** A channel's own breaker values; what is absent follows the global `breaker` settings. */
const channelPolicyViewSchema = z.object({
  failMax: z.number().optional(),
  resetTimeoutMs: z.number().optional(),
  timeoutMs: z.number().optional(),
})

/** Delivery channels as the renderer may see them: the SMTP password, webhook URLs and secrets only as flags. */
export const deliveryViewSchema = z.object({
  email: z
    .object({
      host: z.string(),
      port: z.number().optional(),
      tls: smtpTlsSchema,
      username: z.string().optional(),
      passwordSet: z.boolean(),
      from: z.string(),
      to: z.array(z.string()),
      bcc: z.array(z.string()),
      attachReport: z.boolean(),
      /** The CA file trusted for the mail server's certificate (chosen in main's dialog), or null. */
      caFile: z.string().nullable(),
      breaker: channelPolicyViewSchema,
    })
    .nullable(),
  webhooks: z.array(
    z.object({
      /** Stable: the webhook's secrets are `delivery.webhooks.<id>.url` and `.secret`. */
      id: z.string(),
      name: z.string().optional(),
      format: webhookFormatSchema,
      urlSet: z.boolean(),
      secretSet: z.boolean(),
      breaker: channelPolicyViewSchema,
    }),
  ),
})
export type DeliveryView = z.infer<typeof deliveryViewSchema>

/** Settings as the renderer may see them: every secret replaced by a flag. */
export const settingsViewSchema = settingsSchema.extend({
  delivery: deliveryViewSchema,
  unifi: unifiSettingsSchema.omit({ password: true, apiKey: true }),
  /** Each integration's values without its secret fields (only the fields it declares). */
  integrations: integrationsSettingsSchema,
  /** Whether each secret holds a value: the UniFi ones, and `integrations.<id>.<key>` per secret field. */
  secretsSet: z
    .object({ 'unifi.password': z.boolean(), 'unifi.apiKey': z.boolean() })
    .catchall(z.boolean())
    .refine((flags) => Object.keys(flags).length <= 256, { message: 'too many secret flags' }),
  hasPassword: z.boolean().optional(),
  hasApiKey: z.boolean().optional(),
  secretStorage: secretStorageSchema.optional(),
  /** Set when the settings file was unreadable at start: it was copied to `backupPath` and defaults are used. */
  recovery: z.object({ backupPath: z.string(), message: z.string() }).nullable().optional(),
  /**
   * Secrets the admin must enter again, and why: removed because the address or trust they were saved for
   * changed, or unreadable in the secret store. Each becomes a banner in the window.
   */
  secretAlerts: z.array(z.object({ id: z.string(), message: z.string() })).optional(),
})
export type SettingsView = z.infer<typeof settingsViewSchema>

const threshold = z.object({ warning: z.number(), critical: z.number() }).partial().strict()

/**
 * Upper bounds for strings that cross IPC: generous for what a field can hold (a URL, a host name, a key), and
 * small enough that a hostile renderer cannot make main hold or log megabytes.
 */
export const IPC_LIMITS = {
  url: 2048,
  name: 256,
  secret: 4096,
  fingerprint: 200,
  id: 200,
  zones: 200,
} as const

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`)
/** The renderer never names a path: `''` (back to the default / no CA file) is the only value it may send. */
const resetOnly = z.literal('', { message: 'is chosen in the dialog; the window can only reset it' })

const channelPolicyPatch = z
  .object({ failMax: z.number(), resetTimeoutMs: z.number(), timeoutMs: z.number() })
  .partial()
  .strict()

/**
 * The delivery channels, each given whole (what is left out goes back to its default). `email: null` removes
 * the email channel (and its stored password). `webhooks` is the full list in its new order: an entry with an
 * `id` is that existing webhook (its stored URL and secret stay with it), one without is new and main gives it
 * an id; a webhook left out is removed with its secrets. Secrets (the SMTP password, webhook URLs and signing
 * secrets) are never part of a patch: they go through `secret:set`. The CA file is chosen in main's dialog.
 */
export const deliveryPatchSchema = z
  .object({
    email: z
      .object({
        host: text(IPC_LIMITS.name),
        /** Null: the TLS mode's default port. */
        port: z.number().nullable(),
        tls: text(16),
        username: text(IPC_LIMITS.name),
        from: text(320),
        to: z.array(text(320)).max(50),
        bcc: z.array(text(320)).max(50),
        attachReport: z.boolean(),
        caFile: resetOnly,
        breaker: channelPolicyPatch,
      })
      .partial()
      .strict()
      .nullable(),
    webhooks: z
      .array(
        z
          .object({
            id: text(32).optional(),
            name: text(IPC_LIMITS.name).optional(),
            format: text(16),
            breaker: channelPolicyPatch.optional(),
          })
          .strict(),
      )
      .max(MAX_WEBHOOKS),
  })
  .partial()
  .strict()
export type DeliveryPatch = z.infer<typeof deliveryPatchSchema>

/**
 * A patch of plain settings: any subset of the fields below. Unknown keys (and so every secret) are refused.
 * Values are checked against the full settings schema after merging; problems come back as `fieldErrors`.
 * An empty string clears an optional text field (URL, site, username, fingerprint). Paths (the CA file, the
 * reports folder) are chosen in main's dialogs; the window may only reset them with `''`.
 */
export const settingsPatchSchema = z
  .object({
    unifi: z
      .object({
        url: text(IPC_LIMITS.url),
        site: text(IPC_LIMITS.name),
        username: text(IPC_LIMITS.name),
        tlsFingerprint: text(IPC_LIMITS.fingerprint),
        caFile: resetOnly,
        maxResponseBytes: z.number(),
        requestTimeoutMs: z.number(),
        /** Null goes back to the default (twice the request timeout). */
        collectionBudgetMs: z.number().nullable(),
        maxConcurrentRequests: z.number(),
      })
      .partial()
      .strict(),
    /**
     * Integration values by id and field key (bounded like the stored settings). Main refuses unknown ids and
     * keys and every secret field, then applies each integration's own schema.
     */
    integrations: integrationsSettingsSchema,
    breaker: z.object({ failMax: z.number(), resetTimeoutMs: z.number(), timeoutMs: z.number() }).partial().strict(),
    /**
     * Per integration: its own breaker values (a value of null goes back to the global one). Pause and Resume go
     * through `integration:set-paused`.
     */
    sources: z
      .record(
        text(IPC_LIMITS.id),
        z
          .object({
            breaker: z
              .object({
                failMax: z.number().nullable(),
                resetTimeoutMs: z.number().nullable(),
                timeoutMs: z.number().nullable(),
              })
              .partial()
              .strict(),
          })
          .partial()
          .strict(),
      )
      .refine((all) => Object.keys(all).length <= 64, { message: 'must name at most 64 sources' }),
    report: z
      .object({
        lookbackHours: z.number(),
        outputDir: resetOnly,
        format: text(16),
        retentionDays: z.number(),
        timezone: text(64),
      })
      .partial()
      .strict(),
    thresholds: z
      .object({
        temperatureC: threshold,
        cpuPercent: threshold,
        memoryPercent: threshold,
        uptimeDays: threshold,
        poeBudgetPercent: threshold,
      })
      .partial()
      .strict(),
    delivery: deliveryPatchSchema,
    /** The tray's schedule. A preset is replaced as a whole (its fields depend on its kind); `''` clears the timezone. */
    schedule: z
      .object({
        enabled: z.boolean(),
        paused: z.boolean(),
        preset: schedulePresetDraftSchema,
        timezone: text(64),
        notify: text(16),
        quietHours: z
          .object({ enabled: z.boolean(), start: text(16), end: text(16) })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** `path` is dotted like the form fields, e.g. `report.timezone`, `breaker.timeoutMs`. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() })
export type FieldError = z.infer<typeof fieldErrorSchema>

export const settingsUpdateResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), settings: settingsViewSchema }),
  z.object({ saved: z.literal(false), fieldErrors: z.array(fieldErrorSchema), settings: settingsViewSchema }),
])
export type SettingsUpdateResult = z.infer<typeof settingsUpdateResultSchema>

export const secretSetRequestSchema = z.object({
  key: secretKeySchema,
  value: z.string().trim().min(1).max(IPC_LIMITS.secret, `must be at most ${IPC_LIMITS.secret} characters`),
})
export const secretKeyRequestSchema = z.object({ key: secretKeySchema })
export const sessionOnlyRequestSchema = z.object({ enabled: z.boolean() })

// ——— UniFi ———

/** A draft connection from the form. Secret fields left out mean "use the stored one". */
export const unifiTestRequestSchema = z
  .object({
    url: text(IPC_LIMITS.url).trim().min(1, 'Enter the controller address.'),
    site: text(IPC_LIMITS.name).optional(),
    username: text(IPC_LIMITS.name).optional(),
    password: text(IPC_LIMITS.secret).optional(),
    apiKey: text(IPC_LIMITS.secret).optional(),
    tlsFingerprint: text(IPC_LIMITS.fingerprint).optional(),
  })
  .strict()
export type UnifiTestRequest = z.input<typeof unifiTestRequestSchema>

export const siteSchema = z.object({ name: z.string(), description: z.string() })

export const unifiTestResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('connected'),
    controller: controllerSummarySchema,
    /** Sites to pick from (`unifi:choose-site` with `name`). */
    sites: z.array(siteSchema),
    /** Fingerprint of the certificate the console presented. */
    tlsFingerprint: z.string().nullable(),
  }),
  z.object({
    /** Self-signed or unknown CA: show `fingerprint` and offer "Trust" (`unifi:trust-certificate`) or a CA file. */
    outcome: z.literal('untrusted-certificate'),
    fingerprint: z.string().nullable(),
    message: z.string(),
  }),
])
export type UnifiTestResult = z.infer<typeof unifiTestResultSchema>

export const trustCertificateRequestSchema = z.object({ fingerprint: fingerprintSchema })
export const siteChoiceSchema = z.object({ site: text(IPC_LIMITS.name).trim().min(1) })

export const chosenFileSchema = z.object({ path: z.string().nullable(), settings: settingsViewSchema })
/** The folder main's dialog chose and saved as the reports folder; `path: null` when cancelled. */
export const chosenFolderSchema = z.object({ path: z.string().nullable(), settings: settingsViewSchema })

// ——— Integrations ———

/** An integration id and the form's draft values by field key (bounded like stored values). */
export const integrationTestRequestSchema = z
  .object({ id: z.string().regex(INTEGRATION_ID_PATTERN), values: integrationValuesSchema })
  .strict()
export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  details: z.record(z.string(), z.string()).optional(),
})
export type ConnectionTest = z.infer<typeof connectionTestResultSchema>

/** `accepted: false` when the breaker was not open (nothing to retry) or the id is unknown. */
export const retryNowResultSchema = z.object({ accepted: z.boolean() })

// ——— Report history ———

const countsSchema = z.object({ severe: z.number(), medium: z.number(), low: z.number() })

export const reportHistoryEntrySchema = z.object({
  id: z.string(),
  /** ISO timestamps. */
  generatedAt: z.string(),
  period: z.object({ since: z.string(), until: z.string() }),
  ok: z.boolean(),
  demo: z.boolean(),
  findings: countsSchema,
  threats: z.number().nullable(),
  unhealthyDevices: z.number().nullable(),
  unifi: z.object({ ok: z.boolean(), site: z.string().nullable(), error: z.string().nullable() }),
  /** Set when the report was written but a core source could not be checked ("Incomplete: …"). */
  incomplete: z.string().nullable().optional(),
  /** Outcome per integration: `status` is e.g. `ok`, `partial`, `failed`, `skipped`, `circuit-open`. */
  integrations: z.array(z.object({ id: z.string(), status: z.string(), message: z.string().nullable() })),
  /** Which files still exist for `reports:open`. */
  formats: z.array(z.enum(['html', 'text'])),
  /** Listed again from the reports folder after the index was damaged: counts and outcomes are unknown. */
  recovered: z.boolean().optional(),
  /** What changed since the previous complete report of the site; absent on older entries. */
  changes: z
    .object({ baseline: z.boolean(), new: z.number(), resolved: z.number(), newClients: z.number() })
    .optional(),
})
export type ReportHistoryEntry = z.infer<typeof reportHistoryEntrySchema>

export const reportHistorySchema = z.object({
  entries: z.array(reportHistoryEntrySchema),
  /** Set when the history file was damaged (readable entries kept, the folder relisted, the file backed up). */
  warning: z.string().nullable(),
})
export type ReportHistory = z.infer<typeof reportHistorySchema>

export const reportIdRequestSchema = z.object({ id: text(IPC_LIMITS.id).min(1) })
/** `format` defaults to HTML when it exists, else text. */
export const reportOpenRequestSchema = z.object({
  id: text(IPC_LIMITS.id).min(1),
  format: z.enum(['html', 'text']).optional(),
})

/** The largest report the app shows in its own viewer; a bigger one is opened in the browser instead. */
export const REPORT_VIEW_MAX_CHARS = 16 * 1024 * 1024

/**
 * A report for the in-app viewer: the same HTML file the browser would show (drawn in a sandboxed, script-less
 * frame), or the text report when the HTML file is gone. Reports never carry secrets.
 */
export const reportViewSchema = z.object({
  id: text(IPC_LIMITS.id).min(1),
  format: z.enum(['html', 'text']),
  content: z.string().max(REPORT_VIEW_MAX_CHARS),
  /** When it was generated (ISO), for the viewer's heading. */
  generatedAt: text(64),
  demo: z.boolean(),
})
export type ReportView = z.infer<typeof reportViewSchema>
