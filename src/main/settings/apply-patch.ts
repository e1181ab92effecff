import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { integrationIssues } from '../../core/integrations/values.js'
import type { DeliveryPatch, FieldError, SettingsPatch } from '../../shared/ipc/payloads.js'
import { settingsSchema, type IntegrationValue, type Settings } from '../../shared/settings.js'
import { scheduleProblem } from '../schedule/schedule-preview.js'
import { newWebhookId as defaultWebhookId } from './webhook-ids.js'

/**
 * What main may change: the renderer's patch, plus the paths only main's dialogs choose (the CA file, the
 * reports folder) — the renderer's schema admits nothing but `''` for those.
 */
export interface SettingsChange extends Omit<SettingsPatch, 'unifi' | 'report' | 'delivery' | 'sources'> {
  unifi?: Omit<NonNullable<SettingsPatch['unifi']>, 'caFile'> & { caFile?: string }
  report?: Omit<NonNullable<SettingsPatch['report']>, 'outputDir'> & { outputDir?: string }
  delivery?: Omit<DeliveryPatch, 'email'> & {
    email?: (Omit<NonNullable<DeliveryPatch['email']>, 'caFile'> & { caFile?: string }) | null
  }
  /** Pause and Resume come from the Status tab's own channel (`integration:set-paused`), not from the form. */
  sources?: Record<string, NonNullable<SettingsPatch['sources']>[string] & { paused?: boolean }>
}

export type PatchOutcome = { ok: true; settings: Settings } | { ok: false; fieldErrors: FieldError[] }

/**
 * Pure: merges a patch of plain settings into the current ones and validates the result with the shared schema
 * and each integration's own schema, so the form gets the same rules (and messages) as the CLI's config file,
 * per field. An empty string (or an empty list) clears an optional field; a null collection budget goes back to
 * its default. Integration ids and keys the registry does not declare, and secret fields (they are set with
 * `secret:set`), are refused.
 */
export function applySettingsPatch(
  current: Settings,
  patch: SettingsChange,
  integrations: readonly IntegrationMeta[],
  newWebhookId: () => string = defaultWebhookId,
  nowMs: number = Date.now(),
): PatchOutcome {
  const thresholds = { ...current.thresholds }
  for (const [name, pair] of Object.entries(patch.thresholds ?? {})) {
    const key = name as keyof Settings['thresholds']
    thresholds[key] = { ...thresholds[key], ...pair }
  }
  const merged = mergeIntegrations(current.integrations, patch.integrations ?? {}, integrations)
  if (merged.errors.length > 0) return { ok: false, fieldErrors: merged.errors }
  const delivery = mergeDelivery(current.delivery, patch.delivery, newWebhookId)
  if ('errors' in delivery) return { ok: false, fieldErrors: delivery.errors }
  const sources = mergeSources(current.sources, patch.sources, integrations)
  if ('errors' in sources) return { ok: false, fieldErrors: sources.errors }
  const candidate = {
    ...current,
    unifi: withDefaultBudget({ ...current.unifi, ...patch.unifi }),
    integrations: merged.values,
    breaker: { ...current.breaker, ...patch.breaker },
    sources: sources.value,
    report: { ...current.report, ...patch.report },
    thresholds,
    delivery: delivery.value,
    schedule: mergeSchedule(current.schedule, patch.schedule),
  }
  const parsed = settingsSchema.safeParse(candidate)
  if (!parsed.success) {
    return {
      ok: false,
      fieldErrors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    }
  }
  const issues = [...integrationIssues(integrations, parsed.data.integrations), ...sourcePolicyIssues(parsed.data)]
  const { schedule, report } = parsed.data
  const scheduleIssue = scheduleProblem(schedule.preset, schedule.timezone ?? report.timezone, nowMs)
  if (scheduleIssue) issues.push(scheduleIssue)
  return issues.length > 0 ? { ok: false, fieldErrors: issues } : { ok: true, settings: parsed.data }
}

/**
 * A source's own breaker values over the current ones, field by field; null drops the field (back to the global
 * value). Only registered integrations have a source entry.
 */
function mergeSources(
  current: Settings['sources'],
  patch: SettingsChange['sources'],
  integrations: readonly IntegrationMeta[],
): { value: Settings['sources'] } | { errors: FieldError[] } {
  if (!patch) return { value: current }
  const known = new Set(integrations.map((integration) => integration.id))
  const errors: FieldError[] = []
  const value: Record<string, unknown> = { ...current }
  for (const [id, change] of Object.entries(patch)) {
    if (!known.has(id)) {
      errors.push({ path: `sources.${id}`, message: 'is not an integration of this app' })
      continue
    }
    const own: Record<string, number> = { ...current[id]?.breaker }
    for (const [key, number] of Object.entries(change.breaker ?? {})) {
      if (number === null) delete own[key]
      else own[key] = number
    }
    value[id] = {
      paused: change.paused ?? current[id]?.paused ?? false,
      breaker: Object.keys(own).length > 0 ? own : undefined,
    }
  }
  return errors.length > 0 ? { errors } : { value: value as Settings['sources'] }
}

/** A source's own values must make a valid policy with the global ones they complete. */
function sourcePolicyIssues(settings: Settings): FieldError[] {
  const issues: FieldError[] = []
  for (const [id, source] of Object.entries(settings.sources)) {
    const merged = { ...settings.breaker, ...source.breaker }
    if (merged.timeoutMs >= merged.resetTimeoutMs)
      issues.push({
        path: `sources.${id}.breaker.timeoutMs`,
        message: `must be shorter than the cool-down (${merged.resetTimeoutMs} ms)`,
      })
  }
  return issues
}

/** The preset is replaced as a whole; quiet hours are merged field by field like the other sections. */
function mergeSchedule(current: Settings['schedule'], patch: SettingsChange['schedule']): unknown {
  if (!patch) return current
  return { ...current, ...patch, quietHours: { ...current.quietHours, ...patch.quietHours } }
}

type Values = Settings['integrations']

function mergeIntegrations(
  current: Values,
  patch: Values,
  integrations: readonly IntegrationMeta[],
): { values: Values; errors: FieldError[] } {
  const values: Record<string, Record<string, IntegrationValue>> = {}
  for (const [id, entry] of Object.entries(current)) values[id] = { ...entry }
  const errors: FieldError[] = []
  for (const [id, changes] of Object.entries(patch)) {
    const integration = integrations.find((candidate) => candidate.id === id)
    if (!integration) {
      errors.push({ path: `integrations.${id}`, message: 'is not an integration this version knows' })
      continue
    }
    const entry = values[id] ?? {}
    for (const [key, value] of Object.entries(changes)) {
      const field = integration.fields.find((candidate) => candidate.key === key)
      const path = `integrations.${id}.${key}`
      if (!field) errors.push({ path, message: `is not a setting of ${integration.displayName}` })
      else if (field.kind === 'secret') errors.push({ path, message: 'is a secret: it is saved on its own' })
      else if (value === '' || (Array.isArray(value) && value.length === 0)) delete entry[key]
      else entry[key] = value
    }
    if (Object.keys(entry).length > 0) values[id] = entry
    else delete values[id]
  }
  return { values, errors }
}

/**
 * Each channel is given whole. The email keeps its stored password and CA file unless told otherwise (the
 * password's binding to the server is the settings service's business); webhooks are matched by id, so their
 * secrets stay with them whatever the order, and new ones get an id here.
 */
function mergeDelivery(
  current: Settings['delivery'],
  patch: SettingsChange['delivery'],
  newWebhookId: () => string,
): { value: unknown } | { errors: FieldError[] } {
  if (!patch) return { value: current }
  const value: Record<string, unknown> = { ...current }
  if (patch.email === null) delete value['email']
  else if (patch.email !== undefined) {
    const { port, username, caFile, ...rest } = patch.email
    const email: Record<string, unknown> = { ...rest }
    if (port !== null && port !== undefined) email['port'] = port
    if (username !== undefined && username.trim() !== '') email['username'] = username
    const keptCa = caFile === undefined ? current.email?.caFile : caFile === '' ? undefined : caFile
    if (keptCa !== undefined) email['caFile'] = keptCa
    if (current.email?.password !== undefined) email['password'] = current.email.password
    if (email['breaker'] !== undefined) email['breaker'] = withoutEmpty(email['breaker'] as Record<string, unknown>)
    value['email'] = email
  }
  if (patch.webhooks !== undefined) {
    const errors: FieldError[] = []
    const webhooks = patch.webhooks.map((entry, index) => {
      const { id, name, breaker, ...rest } = entry
      if (id === undefined) {
        return { ...rest, id: newWebhookId(), ...named(name), ...policy(breaker) }
      }
      const existing = current.webhooks.find((webhook) => webhook.id === id)
      if (!existing)
        errors.push({ path: `delivery.webhooks.${index}.id`, message: 'is not a webhook of these settings' })
      return {
        ...rest,
        id,
        ...named(name),
        ...policy(breaker),
        ...(existing?.url !== undefined ? { url: existing.url } : {}),
        ...(existing?.secret !== undefined ? { secret: existing.secret } : {}),
      }
    })
    if (errors.length > 0) return { errors }
    value['webhooks'] = webhooks
  }
  return { value }
}

function named(name: string | undefined): { name?: string } {
  return name === undefined || name.trim() === '' ? {} : { name }
}

function policy(breaker: Record<string, unknown> | undefined): { breaker?: Record<string, unknown> } {
  const own = breaker ? withoutEmpty(breaker) : undefined
  return own && Object.keys(own).length > 0 ? { breaker: own } : {}
}

function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null))
}

function withDefaultBudget<T extends { collectionBudgetMs?: number | null | undefined }>(
  unifi: T,
): Omit<T, 'collectionBudgetMs'> & { collectionBudgetMs?: number } {
  const { collectionBudgetMs, ...rest } = unifi
  return collectionBudgetMs === null || collectionBudgetMs === undefined ? rest : { ...rest, collectionBudgetMs }
}
