/**
 * The typed IPC contract: for every channel in `channels.ts`, the zod schema of what the renderer sends and of
 * what main answers (invoke channels), or of what main pushes (push channels). Main validates every request
 * against these schemas before a handler sees it. `satisfies` makes a channel without schemas (or schemas for
 * an unknown channel) a compile error.
 *
 * Every invoke answers `Result<T>`: `{ ok: true, value }` or `{ ok: false, error: { code, kind, message } }` where
 * `message` is user-facing and says what to do. Outcomes the UI must draw differently (an untrusted certificate,
 * per-field validation errors) are values inside `ok: true`, not failures.
 */
import {
  clientInventorySchema,
  clientsExportSchema,
  markKnownRequestSchema,
  trendsRequestSchema,
  trendsSchema,
} from './insights.js'
import { z } from 'zod'
import type { Result } from '../result.js'
import type { InvokeChannel, PushChannel } from './channels.js'
import { deliveryTestRequestSchema, deliveryTestResultSchema } from './delivery-payloads.js'
import { integrationDescriptorsSchema } from './integration-descriptor.js'
import { schedulePreviewRequestSchema, schedulePreviewSchema } from './schedule-payloads.js'
import {
  aboutInfoSchema,
  appInfoSchema,
  appStatusSchema,
  integrationStatusSchema,
  chosenFileSchema,
  chosenFolderSchema,
  integrationTestRequestSchema,
  connectionTestResultSchema,
  reportHistorySchema,
  reportIdRequestSchema,
  reportOpenRequestSchema,
  reportViewSchema,
  reportSummarySchema,
  retryNowResultSchema,
  secretKeyRequestSchema,
  secretSetRequestSchema,
  sessionOnlyRequestSchema,
  settingsPatchSchema,
  settingsUpdateResultSchema,
  settingsViewSchema,
  siteChoiceSchema,
  trustCertificateRequestSchema,
  unifiTestRequestSchema,
  unifiTestResultSchema,
  updateStatusSchema,
} from './payloads.js'

export * from './channels.js'

interface InvokeSpec {
  /** The single argument of the bridge function; `z.undefined()` for a call without argument. */
  request: z.ZodType
  response: z.ZodType
}

const noArgument = z.undefined()

export const invokeContract = {
  'app:get-info': { request: noArgument, response: appInfoSchema },
  'app:about': { request: noArgument, response: aboutInfoSchema },
  'status:get': { request: noArgument, response: appStatusSchema },
  /** Re-reads settings and answers the fresh status (also pushed as `status:changed`). */
  'status:refresh': { request: noArgument, response: appStatusSchema },
  'settings:get': { request: noArgument, response: settingsViewSchema },
  /** Saves plain settings (never secrets). Invalid values come back as `fieldErrors`; nothing is saved then. */
  'settings:update': { request: settingsPatchSchema, response: settingsUpdateResultSchema },
  /** Write-only: stores a secret (encrypted, or in memory in session-only mode). The value is never returned. */
  'secret:set': { request: secretSetRequestSchema, response: settingsViewSchema },
  'secret:clear': { request: secretKeyRequestSchema, response: settingsViewSchema },
  /** "Keep secrets for this session only": memory only, forgotten on quit. Turning it off needs OS encryption. */
  'secret:session-only': { request: sessionOnlyRequestSchema, response: settingsViewSchema },
  /** Tests a draft connection without saving it (absent secrets = the stored ones). */
  'unifi:test': { request: unifiTestRequestSchema, response: unifiTestResultSchema },
  /** Pins the SHA-256 fingerprint the admin confirmed (from an `untrusted-certificate` test result). */
  'unifi:trust-certificate': { request: trustCertificateRequestSchema, response: settingsViewSchema },
  /** Main shows a file dialog for a PEM CA bundle; `path: null` when the admin cancelled. */
  'unifi:use-ca-file': { request: noArgument, response: chosenFileSchema },
  'unifi:choose-site': { request: siteChoiceSchema, response: settingsViewSchema },
  /** Verifies a draft token (absent = the stored one) outside the breaker. */
  /** The registered integrations as plain data, for the generic settings form, cards and About box. */
  'integrations:describe': { request: noArgument, response: integrationDescriptorsSchema },
  /** "Test connection" with the form's draft values (secrets typed but not saved) over the stored ones. */
  'integration:test': { request: integrationTestRequestSchema, response: connectionTestResultSchema },
  /** Lets the next call through an open breaker ("probing now"); the card updates by push. */
  'integration:retry-now': { request: z.object({ id: z.string().min(1).max(64) }), response: retryNowResultSchema },
  /** "Pause" (off until resumed, saved in the settings, "paused by you") and "Resume"; the card updates by push. */
  'integration:set-paused': {
    request: z.object({ id: z.string().min(1).max(64), paused: z.boolean() }),
    response: z.object({ paused: z.boolean() }),
  },
  /** Progress arrives in `status:changed` pushes (`progress`); the history as a `reports:changed` push when done. */
  'report:generate': { request: noArgument, response: reportSummarySchema },
  /** Stops the running report through its AbortSignal (staged files removed, nothing written); false when none ran. */
  'report:cancel': { request: noArgument, response: z.object({ cancelled: z.boolean() }) },
  'reports:list': { request: noArgument, response: reportHistorySchema },
  /** Opens a report with the default browser/viewer; the path is resolved by main from the id. */
  'reports:open': { request: reportOpenRequestSchema, response: z.null() },
  /** The report's own file for the in-app viewer (HTML, else text); main resolves and bounds the path. */
  'reports:view': { request: reportIdRequestSchema, response: reportViewSchema },
  'reports:reveal': { request: reportIdRequestSchema, response: z.null() },
  /** Deletes the report's files and its history entry; answers the new history. */
  'reports:delete': { request: reportIdRequestSchema, response: reportHistorySchema },
  /** A report from the built-in simulator and fake Cloudflare, marked `demo: true` everywhere. */
  'reports:demo': { request: noArgument, response: reportSummarySchema },
  /** Findings, threats and posture score per site over the last 7, 30 or 90 days. */
  'trends:get': { request: trendsRequestSchema, response: trendsSchema },
  /** The client inventory of every site, with what was marked as known. */
  'clients:list': { request: noArgument, response: clientInventorySchema },
  /** Marks a client as known (optional name): it is never listed as new again; answers the new inventory. */
  'clients:mark-known': { request: markKnownRequestSchema, response: clientInventorySchema },
  /** Writes the inventory as CSV into the reports folder and shows it there. */
  'clients:export': { request: noArgument, response: clientsExportSchema },
  /** Main shows a folder dialog and saves the chosen folder as the reports folder (the renderer never names one). */
  'dialog:choose-folder': { request: noArgument, response: chosenFolderSchema },
  'update:get': { request: noArgument, response: updateStatusSchema },
  /** The admin's consent: download the offered version, then restart into it. */
  'update:install': { request: noArgument, response: updateStatusSchema },
  /** "Later": hides the offer until a later check finds it again. */
  'update:later': { request: noArgument, response: updateStatusSchema },
  /** The next three runs of the schedule editor's draft (computed by the engine), or why it is not a schedule. */
  'schedule:preview': { request: schedulePreviewRequestSchema, response: schedulePreviewSchema },
  /**
   * "Send test": one real message, marked as a test, to the channel as the form holds it. Absent secrets are the
   * stored ones of that same channel (main fills them in); the answer is a message without any secret.
   */
  'delivery:test': { request: deliveryTestRequestSchema, response: deliveryTestResultSchema },
} as const satisfies Record<InvokeChannel, InvokeSpec>

export const pushContract = {
  /** Every change of the app status (state, headline, progress, UniFi card, settings notices). */
  'status:changed': appStatusSchema,
  /** One integration's card when only it changed (breaker, counters), at most one per 100 ms per integration. */
  'integration:changed': integrationStatusSchema,
  'reports:changed': reportHistorySchema,
  /** Settings changed by main (e.g. a pinned certificate, a recovered file): re-render the forms. */
  'settings:changed': settingsViewSchema,
  'update:changed': updateStatusSchema,
} as const satisfies Record<PushChannel, z.ZodType>

/** What the renderer passes (before validation). */
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>
/** What a handler receives (after validation and defaults). */
export type ValidInvokeRequest<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>
export type InvokeResult<C extends InvokeChannel> = Result<InvokeResponse<C>>
export type PushPayload<E extends PushChannel> = z.output<(typeof pushContract)[E]>
