/** Sites (`self/sites`), `stat/sysinfo`, `stat/health` and the `ips` section of `rest/setting`. */
import { z } from 'zod'
import { looseBoolean, looseNumber, looseString } from './primitives.js'

export const siteSchema = z.object({
  name: z.string().min(1),
  desc: looseString,
})

export const sysinfoSchema = z.object({
  version: looseString,
  hostname: looseString,
  name: looseString,
})

export const healthSchema = z.object({
  subsystem: z.string().min(1),
  status: looseString,
  num_user: looseNumber,
})

export const ipsSettingSchema = z.object({
  key: looseString,
  ips_mode: looseString,
  enabled_categories: z.array(z.string()).catch([]).optional(),
  ad_blocking_enabled: looseBoolean,
  content_filtering_enabled: looseBoolean,
  dns_filtering: z.unknown().optional(),
})
