/**
 * Devices, health, clients and threat-management settings: one legacy read each, each allowed to
 * fail on its own (the failure becomes a SourceAttempt and a warning, the rest of the report stays).
 */
import type { CollectedClient, CollectedDevice, HealthSubsystem, IpsSettings } from '../model.js'
import { parseClient } from '../parse/client.js'
import { legacyPath, legacyRead } from '../endpoints.js'
import { EndpointUnsupportedError } from '../errors.js'
import { parseHealth, parseIpsSettings } from '../parse/controller.js'
import { parseDevice } from '../parse/device.js'
import type { PostureDevice, PostureSettings } from '../posture-model.js'
import { parseDeviceFirmware } from '../schemas/posture-config.js'
import { parsePostureSettings } from '../schemas/posture-settings.js'
import { isPlainObject } from '../schemas/primitives.js'
import { Rejections, SourceLog } from '../source-log.js'
import { isFatal, noteUnsupported, type CollectContext } from './context.js'
import { isRefusedEndpoint } from './posture-read.js'

export interface Sourced<T> {
  value: T
  log: SourceLog
}

export async function collectDevices(
  ctx: CollectContext,
  signal: AbortSignal,
): Promise<Sourced<CollectedDevice[]> & { firmware: PostureDevice[] }> {
  const firmware: PostureDevice[] = []
  const read = await readOne(ctx, 'devices', 'stat/device', [], signal, (data, log, rejections) => {
    const devices: CollectedDevice[] = []
    for (const item of data) {
      const device = parseDevice(item)
      const facts = device === null ? null : parseDeviceFirmware(item)
      if (facts !== null) firmware.push(facts)
      if (device !== null) devices.push(device)
      else
        rejections.add(
          isPlainObject(item) ? 'a device record without a MAC address' : 'a device record that is not an object',
        )
    }
    if (devices.length < data.length)
      log.warn(`${data.length - devices.length} device records had no MAC address and were skipped.`)
    return devices
  })
  return { ...read, firmware }
}

export async function collectHealth(ctx: CollectContext, signal: AbortSignal): Promise<Sourced<HealthSubsystem[]>> {
  return readOne(ctx, 'health', 'stat/health', [], signal, (data, _log, rejections) => {
    const health = parseHealth(data)
    for (let index = health.length; index < data.length; index += 1)
      rejections.add('a health record without a subsystem')
    return health
  })
}

/** Connected clients right now (`stat/sta`); null when the list could not be read. */
export async function collectClients(
  ctx: CollectContext,
  signal: AbortSignal,
): Promise<Sourced<CollectedClient[] | null>> {
  return readOne<CollectedClient[] | null>(ctx, 'clients', 'stat/sta', null, signal, (data, _log, rejections) => {
    const clients: CollectedClient[] = []
    for (const item of data) {
      const client = parseClient(item)
      if (client !== null) clients.push(client)
      else rejections.add('a client record without a MAC address')
    }
    return clients
  })
}

/**
 * The threat-management section, and from the same read the sections the posture audit needs (reduced at parse
 * time, secrets dropped), so the settings are asked for once per run.
 */
export async function collectIpsSettings(
  ctx: CollectContext,
  signal: AbortSignal,
): Promise<Sourced<IpsSettings | null> & { posture: PostureSettings | null }> {
  let posture: PostureSettings | null = null
  const read = await readOne<IpsSettings | null>(ctx, 'ips-settings', 'rest/setting', null, signal, (data, log) => {
    posture = parsePostureSettings(data)
    const settings = parseIpsSettings(data)
    if (settings === null) log.warn('The controller has no threat-management (ips) settings section.')
    return settings
  })
  return { ...read, posture }
}

async function readOne<T>(
  ctx: CollectContext,
  data: 'devices' | 'health' | 'clients' | 'ips-settings',
  endpoint: string,
  empty: T,
  signal: AbortSignal,
  parse: (items: readonly unknown[], log: SourceLog, rejections: Rejections) => T,
): Promise<Sourced<T>> {
  const log = new SourceLog()
  try {
    const result = await legacyRead(ctx.session, legacyPath(ctx.session, ctx.site, endpoint), endpoint, signal)
    const rejections = new Rejections()
    const value = parse(result.data, log, rejections)
    const count = Array.isArray(value) ? value.length : value === null ? 0 : typeof value === 'number' ? value : 1
    log.used(data, endpoint, count, false, null, rejections)
    return { value, log }
  } catch (error) {
    // A console that refuses the settings to an API key still serves the rest of the run.
    if (isFatal(error) && !(data === 'ips-settings' && isRefusedEndpoint(error))) throw error
    if (error instanceof EndpointUnsupportedError) noteUnsupported(ctx, log, data, error, null)
    else log.failed(data, endpoint, error)
    if (error instanceof EndpointUnsupportedError)
      log.warn(`${endpoint} is not available on this controller; ${data} are missing from the report.`)
    return { value: empty, log }
  }
}
