/**
 * IPS records: legacy `stat/ips/event` / `EVT_IPS_IpsAlert` (flat `inner_alert_*` keys first, the nested
 * `inner_alert{}` object second) and v2 `traffic-flows` threats with their `ips` object.
 */
import { z } from 'zod'
import { looseNumber, looseString, stringOrList } from './primitives.js'

const nestedAlert = z.object({
  signature: looseString,
  signature_id: looseNumber,
  category: looseString,
  severity: looseNumber,
  action: looseString,
})

export const legacyIpsSchema = z.object({
  _id: looseString,
  src_ip: looseString,
  src_port: looseNumber,
  dest_ip: looseString,
  dest_port: looseNumber,
  proto: looseString,
  usgip: looseString,
  catname: stringOrList,
  inner_alert_action: looseString,
  inner_alert_signature_id: looseNumber,
  inner_alert_signature: looseString,
  inner_alert_category: looseString,
  inner_alert_severity: looseNumber,
  inner_alert: nestedAlert.nullable().catch(null).optional(),
  srcipCountry: z.unknown().optional(),
  dstipCountry: z.unknown().optional(),
  srcipGeo: z.unknown().optional(),
  dstipGeo: z.unknown().optional(),
  msg: looseString,
})
export type LegacyIpsRecord = z.infer<typeof legacyIpsSchema>

const endpoint = z.object({ ip: looseString, port: looseNumber, region: looseString })

export const trafficFlowSchema = z.object({
  id: looseString,
  action: looseString,
  risk: looseString,
  protocol: looseString,
  direction: looseString,
  time: looseNumber,
  flow_start_time: looseNumber,
  source: endpoint.nullable().catch(null).optional(),
  destination: endpoint.nullable().catch(null).optional(),
  policies: z
    .array(z.object({ type: looseString, internal_type: looseString }))
    .catch([])
    .optional(),
  ips: z
    .looseObject({
      advanced_information: looseString,
      signature_id: looseNumber,
      signature: looseString,
      category_name: looseString,
      ips_category: stringOrList,
    })
    .nullable()
    .catch(null)
    .optional(),
})
export type TrafficFlowRecord = z.infer<typeof trafficFlowSchema>
