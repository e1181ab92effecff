/**
 * Access to one run's UniFi session for the integrations that ride on it (CyberSecure). Calls are memoised
 * per run and share the single login: asking here never causes a second login or a duplicate request. It is
 * declared here, beside the client that implements it, so the UniFi layer never has to look up at the
 * integrations that use it.
 */
import type { CollectedEvent, CollectedThreat, ControllerInfo, DataSources, IpsSettings } from './model.js'

export interface UnifiRunAccess {
  controllerInfo(signal: AbortSignal): Promise<ControllerInfo>
  ipsSettings(signal: AbortSignal): Promise<IpsSettings | null>
  threats(
    signal: AbortSignal,
  ): Promise<{ threats: CollectedThreat[]; sources: Pick<DataSources, 'threats' | 'attempts'> }>
  /** The window's events (the same read as the collection's). */
  events(signal: AbortSignal): Promise<CollectedEvent[]>
  /** The site's own public addresses: the gateways' WAN links and the health summary's `wan_ip`. */
  wanAddresses(signal: AbortSignal): Promise<string[]>
}
