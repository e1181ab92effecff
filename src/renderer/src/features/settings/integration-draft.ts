/**
 * The generic form state of one integration, built from its descriptor: what the inputs hold, the patch that
 * saves it, the draft that "Test connection" sends, and what is still missing (the engine's rule, so the form
 * warns before saving). Pure, so it is tested without rendering.
 */
import type {
  IntegrationDescriptor,
  IntegrationFieldDescriptor,
} from '../../../../shared/ipc/integration-descriptor.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'
import type { IntegrationValue } from '../../../../shared/settings.js'
import type { ConfigurationCheck } from './missing-fields.js'

/** Inputs by field key: text for text, url, list and number fields, a flag for booleans. Secrets are pending text. */
export interface IntegrationDraft {
  values: Record<string, string | boolean>
  pendingSecrets: Record<string, string>
}

export function secretPath(id: string, key: string): `integrations.${string}.${string}` {
  return `integrations.${id}.${key}`
}

export function draftFromView(descriptor: IntegrationDescriptor, settings: SettingsView): IntegrationDraft {
  const stored = Object.hasOwn(settings.integrations, descriptor.id) ? settings.integrations[descriptor.id] : {}
  const values: IntegrationDraft['values'] = {}
  const pendingSecrets: IntegrationDraft['pendingSecrets'] = {}
  for (const field of descriptor.fields) {
    const value = stored && Object.hasOwn(stored, field.key) ? stored[field.key] : undefined
    if (field.kind === 'secret') pendingSecrets[field.key] = ''
    else values[field.key] = asInput(field, value)
  }
  return { values, pendingSecrets }
}

function asInput(field: IntegrationFieldDescriptor, value: IntegrationValue | undefined): string | boolean {
  if (field.kind === 'boolean') return value === true
  if (Array.isArray(value)) return value.join(', ')
  return value === undefined ? '' : String(value)
}

/** A list as typed: comma- or newline-separated, blanks dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** What a field's input means as a stored value; `''` clears it (main drops empty values). */
function valueOf(field: IntegrationFieldDescriptor, input: string | boolean | undefined): IntegrationValue {
  if (field.kind === 'boolean') return input === true
  const text = typeof input === 'string' ? input.trim() : ''
  if (field.kind === 'list') return parseList(text)
  if (field.kind === 'number') return text === '' || !Number.isFinite(Number(text)) ? text : Number(text)
  return text
}

/** The plain (non-secret) values to save. */
export function patchValues(
  descriptor: IntegrationDescriptor,
  draft: IntegrationDraft,
): Record<string, IntegrationValue> {
  const values: Record<string, IntegrationValue> = {}
  for (const field of descriptor.fields) {
    if (field.kind !== 'secret') values[field.key] = valueOf(field, draft.values[field.key])
  }
  return values
}

/** What "Test connection" sends: the plain values as typed, and only the secrets typed but not saved. */
export function testValues(
  descriptor: IntegrationDescriptor,
  draft: IntegrationDraft,
): Record<string, IntegrationValue> {
  const values: Record<string, IntegrationValue> = {}
  for (const field of descriptor.fields) {
    if (field.kind === 'secret') {
      const pending = draft.pendingSecrets[field.key]?.trim() ?? ''
      if (pending !== '') values[field.key] = pending
      continue
    }
    const value = valueOf(field, draft.values[field.key])
    if (value !== '' && !(Array.isArray(value) && value.length === 0)) values[field.key] = value
  }
  return values
}

/**
 * Not configured, partial (with the missing keys) or configured, by the engine's rule: a text or secret counts
 * when not blank, a list when it has an entry; numbers and booleans never count.
 */
export function draftCheck(
  descriptor: IntegrationDescriptor,
  draft: IntegrationDraft,
  secretsSet: SettingsView['secretsSet'],
): ConfigurationCheck {
  const counted = descriptor.fields.filter((field) => field.kind !== 'number' && field.kind !== 'boolean')
  const set = (field: IntegrationFieldDescriptor): boolean => {
    if (field.kind === 'secret') {
      return (
        secretsSet[secretPath(descriptor.id, field.key)] === true ||
        (draft.pendingSecrets[field.key]?.trim() ?? '') !== ''
      )
    }
    const value = valueOf(field, draft.values[field.key])
    return Array.isArray(value) ? value.length > 0 : value !== ''
  }
  if (counted.length === 0) return { state: 'configured', missing: [] }
  if (!counted.some(set)) return { state: 'not-configured', missing: [] }
  const missing = counted.filter((field) => field.required && !set(field)).map((field) => field.key)
  return missing.length > 0 ? { state: 'partial', missing } : { state: 'configured', missing: [] }
}

/** Field and requirement labels by key, for "missing: …" lists. */
export function labelsOf(descriptor: IntegrationDescriptor): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const field of descriptor.fields) labels[field.key] = field.label
  for (const requirement of descriptor.requirements) labels[requirement.key] = requirement.label
  return labels
}
