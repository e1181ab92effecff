/**
 * IPC payloads of the Trends and Clients screens: trend points per site over the last 7, 30 or 90 days, the client
 * inventory per site with what was marked as known, and the requests that mark a client as known or export the list.
 */
import { z } from 'zod'

const count = z.number().int().min(0)

export const trendsRequestSchema = z.object({ days: z.union([z.literal(7), z.literal(30), z.literal(90)]) })
export type TrendsRequest = z.infer<typeof trendsRequestSchema>

export const trendPointSchema = z.object({
  /** ISO 8601 with offset. */
  at: z.string(),
  severe: count,
  medium: count,
  low: count,
  threats: count.nullable(),
  blocked: count.nullable(),
  detected: count.nullable(),
  score: z.number().int().min(0).max(100).nullable(),
})
export type TrendPointView = z.infer<typeof trendPointSchema>

export const trendsSchema = z.object({
  days: z.number().int(),
  /** One per site (real and demo apart), each oldest first. */
  sites: z.array(z.object({ site: z.string(), demo: z.boolean(), points: z.array(trendPointSchema) })),
})
export type Trends = z.infer<typeof trendsSchema>

export const inventoryClientSchema = z.object({
  mac: z.string(),
  name: z.string().nullable(),
  manufacturer: z.string().nullable(),
  wired: z.boolean(),
  network: z.string().nullable(),
  vlan: z.number().int().nullable(),
  ssid: z.string().nullable(),
  guest: z.boolean(),
  randomised: z.boolean(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Marked as known, with the name given then (if any). */
  known: z.boolean(),
  knownName: z.string().nullable(),
})
export type InventoryClientView = z.infer<typeof inventoryClientSchema>

export const clientInventorySchema = z.object({
  sites: z.array(
    z.object({ site: z.string(), demo: z.boolean(), baselineAt: z.string(), clients: z.array(inventoryClientSchema) }),
  ),
  warning: z.string().nullable(),
})
export type ClientInventory = z.infer<typeof clientInventorySchema>

export const markKnownRequestSchema = z.object({
  mac: z.string().min(1).max(40),
  name: z.string().max(100).optional(),
})

export const clientsExportSchema = z.object({ path: z.string(), clients: count })
