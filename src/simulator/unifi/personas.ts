/**
 * Firmware personas: which endpoints exist and what they return on each Network version
 * (events move from `stat/event` to the v2 system log, IPS from `stat/ips/event` to `traffic-flows`).
 */
import type { PersonaName } from './types.js'

export type LegacySource = 'populated' | 'empty' | 'missing'

export interface Persona {
  name: PersonaName
  unifiOs: boolean
  /** Network application version reported by `stat/sysinfo`. */
  version: string
  hostname: string
  /** Session cookie the console sets. */
  cookieName: 'unifises' | 'TOKEN' | 'UOS_TOKEN'
  legacyEvents: LegacySource
  legacyIps: LegacySource
  /** v2 system-log exists. */
  systemLog: boolean
  /** 400 on category names outside the enum (Network 10.x / UniFi OS Server). */
  strictLogCategories: boolean
  /** v2 traffic-flows: which request body the firmware accepts. */
  trafficFlows: 'old-body' | 'new-body' | 'missing'
  /** `list/alarm` behaviour; 'invalid-object' answers 400 api.err.InvalidObject. */
  listAlarm: 'populated' | 'empty' | 'invalid-object'
  statAlarm: 'populated' | 'empty'
  /** `/status` still reports `server_version` (dropped in 10.x). */
  statusHasVersion: boolean
}

export const PERSONA_TABLE: Readonly<Record<PersonaName, Persona>> = {
  'classic-8': {
    name: 'classic-8',
    unifiOs: false,
    version: '8.6.9',
    hostname: 'unifi-controller',
    cookieName: 'unifises',
    legacyEvents: 'populated',
    legacyIps: 'populated',
    systemLog: false,
    strictLogCategories: false,
    trafficFlows: 'missing',
    listAlarm: 'populated',
    statAlarm: 'populated',
    statusHasVersion: true,
  },
  'unifi-os-9.1': {
    name: 'unifi-os-9.1',
    unifiOs: true,
    version: '9.1.120',
    hostname: 'UDM-Pro',
    cookieName: 'TOKEN',
    legacyEvents: 'populated',
    legacyIps: 'populated',
    systemLog: true,
    strictLogCategories: false,
    trafficFlows: 'old-body',
    listAlarm: 'populated',
    statAlarm: 'populated',
    statusHasVersion: true,
  },
  'unifi-os-9.4': {
    name: 'unifi-os-9.4',
    unifiOs: true,
    version: '9.4.19',
    hostname: 'UDM-Pro',
    cookieName: 'TOKEN',
    legacyEvents: 'populated',
    legacyIps: 'empty',
    systemLog: true,
    strictLogCategories: false,
    trafficFlows: 'old-body',
    listAlarm: 'populated',
    statAlarm: 'populated',
    statusHasVersion: true,
  },
  'unifi-os-10.0': {
    name: 'unifi-os-10.0',
    unifiOs: true,
    version: '10.0.162',
    hostname: 'UDM-Pro',
    cookieName: 'UOS_TOKEN',
    legacyEvents: 'empty',
    legacyIps: 'empty',
    systemLog: true,
    strictLogCategories: false,
    trafficFlows: 'new-body',
    listAlarm: 'empty',
    statAlarm: 'empty',
    statusHasVersion: false,
  },
  'unifi-os-10.3': {
    name: 'unifi-os-10.3',
    unifiOs: true,
    version: '10.3.58',
    hostname: 'UDM-Pro',
    cookieName: 'UOS_TOKEN',
    legacyEvents: 'missing',
    legacyIps: 'missing',
    systemLog: true,
    strictLogCategories: true,
    trafficFlows: 'new-body',
    listAlarm: 'invalid-object',
    statAlarm: 'empty',
    statusHasVersion: false,
  },
}

export const PERSONAS: readonly PersonaName[] = Object.keys(PERSONA_TABLE) as PersonaName[]
