/**
 * zod schemas of the values that cross IPC. Plain JSON only (structured clone drops class instances), and no
 * secret ever: settings travel as a view with "is set" flags in place of passwords, keys and tokens.
 */
import { z } from 'zod'
import { cloudflareSettingsSchema, settingsSchema, unifiSettingsSchema } from '../settings.js'

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

export const reportSummarySchema = z.object({
  id: z.string(),
  /** Epoch ms when the report finished. */
  finishedAt: z.number(),
  /** One line for the tray, the notification and the status screen, e.g. "3 severe findings". */
  headline: z.string(),
  /** Absolute paths of the written files (HTML and/or text). */
  files: z.array(z.string()),
})
export type ReportSummary = z.infer<typeof reportSummarySchema>

export const reportProgressSchema = z.object({
  /** What the run is doing now, e.g. "collecting threats". */
  phase: z.string(),
  /** 0–100. */
  percent: z.number().min(0).max(100),
})
export type ReportProgress = z.infer<typeof reportProgressSchema>

/** The overall state; it also picks the tray icon. */
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
  /** Epoch ms of the change this status reflects. */
  updatedAt: z.number(),
})
export type AppStatus = z.infer<typeof appStatusSchema>

/** Settings as the renderer may see them: every secret replaced by a flag in `secretsSet`. */
export const settingsViewSchema = settingsSchema.extend({
  unifi: unifiSettingsSchema.omit({ password: true, apiKey: true }),
  cloudflare: cloudflareSettingsSchema.omit({ apiToken: true }),
  secretsSet: z.object({
    'unifi.password': z.boolean(),
    'unifi.apiKey': z.boolean(),
    'cloudflare.apiToken': z.boolean(),
  }),
})
export type SettingsView = z.infer<typeof settingsViewSchema>
