/**
 * zod schemas for the Cloudflare payloads we read. Tolerant on purpose: Cloudflare's published spec and live
 * responses differ (the 2024 spec's zone has no `plan`/`status`, its `result_info` has no `total_pages`),
 * so everything we do not strictly need is optional and unknown keys are ignored.
 */
import { z } from 'zod'

const nullableString = z.string().nullable().optional()

export const apiMessageSchema = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
  error_chain: z.array(z.object({ code: z.number().optional(), message: z.string().optional() })).optional(),
})
export type ApiMessage = z.infer<typeof apiMessageSchema>

export const resultInfoSchema = z.object({
  page: z.number().optional(),
  per_page: z.number().optional(),
  count: z.number().optional(),
  total_count: z.number().optional(),
  total_pages: z.number().optional(),
})
export type ResultInfo = z.infer<typeof resultInfoSchema>

/** The REST envelope; `result` is checked separately by the caller's schema. */
export const envelopeSchema = z.object({
  success: z.boolean(),
  errors: z.array(apiMessageSchema).nullable().optional(),
  messages: z.array(apiMessageSchema).nullable().optional(),
  result: z.unknown().optional(),
  result_info: resultInfoSchema.nullable().optional(),
})
export type Envelope = z.infer<typeof envelopeSchema>

export const zoneSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  status: nullableString,
  paused: z.boolean().optional(),
  account: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  plan: z.object({ id: z.string().optional(), name: nullableString, legacy_id: nullableString }).nullable().optional(),
})
export type RawZone = z.infer<typeof zoneSchema>

export const tokenVerifySchema = z.object({
  id: z.string(),
  status: z.string(),
  not_before: nullableString,
  expires_on: nullableString,
})
export type TokenVerifyResult = z.infer<typeof tokenVerifySchema>

export const tunnelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  account_tag: z.string().optional(),
  tun_type: z.string().optional(),
  status: z.string().nullable().optional(),
  created_at: nullableString,
  deleted_at: nullableString,
  conns_active_at: nullableString,
  conns_inactive_at: nullableString,
})
export type RawTunnel = z.infer<typeof tunnelSchema>

export const tunnelConnectionSchema = z.object({
  id: z.string().optional(),
  colo_name: z.string().optional(),
  origin_ip: z.string().optional(),
  is_pending_reconnect: z.boolean().optional(),
  opened_at: nullableString,
  client_version: z.string().optional(),
})

/** One connector (cloudflared instance) with its edge connections. */
export const tunnelConnectorSchema = z.object({
  id: z.string().optional(),
  version: z.string().optional(),
  arch: z.string().optional(),
  run_at: nullableString,
  conns: z.array(tunnelConnectionSchema).nullable().optional(),
})
export type RawTunnelConnector = z.infer<typeof tunnelConnectorSchema>

export const graphqlErrorSchema = z.object({
  message: z.string(),
  path: z
    .array(z.union([z.string(), z.number()]))
    .nullable()
    .optional(),
  extensions: z.record(z.string(), z.unknown()).nullable().optional(),
})
export type GraphqlError = z.infer<typeof graphqlErrorSchema>

export const graphqlResponseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(graphqlErrorSchema).nullable().optional(),
})
export type GraphqlResponse = z.infer<typeof graphqlResponseSchema>

/** Limits of one dataset in the settings node. */
export const datasetSettingsSchema = z.object({
  enabled: z.boolean(),
  maxDuration: z.number().nonnegative(),
  notOlderThan: z.number().nonnegative(),
  maxPageSize: z.number().optional(),
  maxNumberOfFields: z.number().optional(),
})

/** `count`, `avg { sampleInterval }` and `dimensions { … }` of one adaptive group row. */
export const groupRowSchema = z.object({
  count: z.number().nonnegative(),
  avg: z.object({ sampleInterval: z.number().nullable().optional() }).nullable().optional(),
  dimensions: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
})
export type GroupRow = z.infer<typeof groupRowSchema>

/** A raw `firewallEventsAdaptive` row (as in Cloudflare's tutorial). */
export const firewallEventSchema = z.object({
  datetime: z.string(),
  action: z.string(),
  source: z.string().optional(),
  clientIP: z.string().optional(),
  clientAsn: z.union([z.string(), z.number()]).optional(),
  clientCountryName: z.string().optional(),
  clientRequestHTTPHost: z.string().optional(),
  clientRequestPath: z.string().optional(),
  clientRequestQuery: z.string().optional(),
  userAgent: z.string().optional(),
})
