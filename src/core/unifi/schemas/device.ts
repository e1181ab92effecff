/** `stat/device` records: only the fields the report uses, every one tolerant. */
import { z } from 'zod'
import { looseBoolean, looseNumber, looseRecord, looseString } from './primitives.js'

const temperatureEntry = z.object({
  name: looseString,
  type: looseString,
  value: z.unknown().optional(),
  unit: looseString,
})

const portEntry = z.object({
  port_idx: looseNumber,
  name: looseString,
  up: looseBoolean,
  enable: looseBoolean,
  port_poe: looseBoolean,
  poe_enable: looseBoolean,
  poe_power: looseNumber,
})

const wanInterface = z.object({
  name: looseString,
  up: looseBoolean,
  ip: looseString,
})

export const deviceSchema = z.object({
  mac: looseString,
  name: looseString,
  model: looseString,
  type: looseString,
  state: looseNumber,
  version: looseString,
  uptime: looseNumber,
  'system-stats': looseRecord,
  temperatures: z.array(temperatureEntry).catch([]).optional(),
  general_temperature: z.unknown().optional(),
  temps: looseRecord,
  has_temperature: looseBoolean,
  overheating: looseBoolean,
  upgradable: looseBoolean,
  total_max_power: looseNumber,
  port_table: z.array(portEntry).catch([]).optional(),
  last_wan_status: looseRecord,
  wan1: wanInterface.nullable().catch(null).optional(),
  wan2: wanInterface.nullable().catch(null).optional(),
  ip: looseString,
})
export type DeviceRecord = z.infer<typeof deviceSchema>
export type TemperatureEntry = z.infer<typeof temperatureEntry>
