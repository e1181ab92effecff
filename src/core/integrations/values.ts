/**
 * An integration's own values: stored generically at `settings.integrations[<id>]` and parsed by the
 * integration's `settingsSchema`. This is the one way an integration reads its settings.
 */
import type { z } from 'zod'
import type { IntegrationValue, Settings } from '../../shared/settings.js'
import { ConfigError } from '../errors.js'
import type { IntegrationField } from './contract.js'

/** What `integrationSettings` needs: the integration (or a constant in its folder) with id and schema. */
export interface IntegrationSettingsOwner<S extends z.ZodType> {
  readonly id: string
  readonly displayName?: string
  readonly settingsSchema: S
}

/** The values as stored (no defaults), `{}` when the integration has none. */
export function storedValues(settings: Settings, id: string): Readonly<Record<string, IntegrationValue>> {
  return Object.hasOwn(settings.integrations, id) ? (settings.integrations[id] ?? {}) : {}
}

/**
 * The integration's parsed values (its schema's output, defaults applied). Throws a ConfigError naming the
 * fields (never their values) when the stored values do not pass the schema; the CLI's config loader and the
 * desktop settings patch validate first, so this only fires for values that bypassed both.
 */
export function integrationSettings<S extends z.ZodType>(
  owner: IntegrationSettingsOwner<S>,
  settings: Settings,
): z.output<S> {
  const parsed = owner.settingsSchema.safeParse(storedValues(settings, owner.id))
  if (parsed.success) return parsed.data
  const where = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || owner.id).join(', ')
  throw new ConfigError(
    `The ${owner.displayName ?? owner.id} settings have invalid values (${where}). Correct them in the settings.`,
    undefined,
    { cause: parsed.error },
  )
}

/**
 * Whether the admin entered something for the field: a non-empty text or list. Numbers and booleans are
 * tuning with defaults, so they never make an integration count as (partly) configured on their own.
 */
export function hasStoredValue(field: IntegrationField, value: IntegrationValue | undefined): boolean {
  if (field.kind === 'number' || field.kind === 'boolean') return false
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.some((item) => item.trim() !== '')
  return true
}

export interface IntegrationIssue {
  /** Dotted path from the settings root, e.g. `integrations.cloudflare.apiUrl`. */
  path: string
  message: string
}

type Registered = { id: string; settingsSchema: z.ZodType; fields: readonly IntegrationField[] }
type StoredIntegrations = Readonly<Record<string, Readonly<Record<string, unknown>>>>

/** Each registered integration's stored values against its own schema (unknown entries are not checked here). */
export function integrationIssues(integrations: readonly Registered[], values: StoredIntegrations): IntegrationIssue[] {
  const issues: IntegrationIssue[] = []
  for (const integration of integrations) {
    if (!Object.hasOwn(values, integration.id)) continue
    const parsed = integration.settingsSchema.safeParse(values[integration.id])
    if (parsed.success) continue
    for (const issue of parsed.error.issues) {
      issues.push({
        path: ['integrations', integration.id, ...issue.path.map(String)].join('.'),
        message: issue.message,
      })
    }
  }
  return issues
}

/** Dotted paths of stored entries no registered integration declares: `integrations.<id>` or `.<id>.<key>`. */
export function unknownIntegrationPaths(integrations: readonly Registered[], values: StoredIntegrations): string[] {
  const unknown: string[] = []
  for (const [id, entry] of Object.entries(values)) {
    const integration = integrations.find((candidate) => candidate.id === id)
    if (!integration) {
      unknown.push(`integrations.${id}`)
      continue
    }
    for (const key of Object.keys(entry)) {
      if (!integration.fields.some((field) => field.key === key)) unknown.push(`integrations.${id}.${key}`)
    }
  }
  return unknown
}
