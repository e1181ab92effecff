/**
 * What the settings window knows about each integration: plain data that main builds from the engine's
 * registry and sends over `integrations:describe`. The renderer draws every integration's form and card from
 * this list alone, so a new integration needs no renderer code.
 */
import { z } from 'zod'

const line = (max: number) => z.string().max(max)

export const integrationFieldDescriptorSchema = z.object({
  key: line(64),
  label: line(200),
  kind: z.enum(['secret', 'text', 'url', 'list', 'number', 'boolean']),
  required: z.boolean(),
  /** The CLI environment variable for the same setting, shown as a hint. */
  env: line(100).nullable(),
  help: line(1000).nullable(),
  placeholder: line(500).nullable(),
})
export type IntegrationFieldDescriptor = z.infer<typeof integrationFieldDescriptorSchema>

export const integrationDescriptorSchema = z.object({
  id: line(32),
  displayName: line(100),
  description: line(1000),
  fields: z.array(integrationFieldDescriptorSchema).max(64),
  /** Things outside its own settings it needs (shown, not edited), e.g. "UniFi controller". */
  requirements: z.array(z.object({ key: line(64), label: line(200) })).max(16),
  /** Licence and attribution lines (About box). */
  attribution: z.array(line(1000)).max(32),
  /** What leaves the machine, or null when it said nothing. */
  privacyNote: line(2000).nullable(),
  /** Whether "Test connection" is offered (`integration:test`). */
  canTest: z.boolean(),
})
export type IntegrationDescriptor = z.infer<typeof integrationDescriptorSchema>

export const integrationDescriptorsSchema = z.array(integrationDescriptorSchema).max(32)
