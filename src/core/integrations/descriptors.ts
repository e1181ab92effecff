/**
 * The registry as plain data for the settings window (`integrations:describe`): everything the renderer needs to
 * draw an integration's form and card, and nothing it must not see (no schemas, no functions, no values).
 */
import type { IntegrationDescriptor } from '../../shared/ipc/integration-descriptor.js'
import type { IntegrationMeta } from './contract.js'

export function describeIntegration(integration: IntegrationMeta): IntegrationDescriptor {
  return {
    id: integration.id,
    displayName: integration.displayName,
    description: integration.description,
    fields: integration.fields.map((field) => ({
      key: field.key,
      label: field.label,
      kind: field.kind,
      required: field.required,
      env: field.env ?? null,
      help: field.help ?? null,
      placeholder: field.placeholder ?? null,
    })),
    requirements: (integration.requires ?? []).map((requirement) => ({
      key: requirement.key,
      label: requirement.label,
    })),
    attribution: [...(integration.attribution ?? [])],
    privacyNote: integration.privacyNote ?? null,
    canTest: integration.testConnection !== undefined,
  }
}

export function describeIntegrations(integrations: readonly IntegrationMeta[]): IntegrationDescriptor[] {
  return integrations.map(describeIntegration)
}
