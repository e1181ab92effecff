/**
 * The CyberSecure integration: there is no separate API, so it reads the console through the run's
 * UniFi session (`ctx.unifi`, shared and memoised: no second login, no duplicate requests) and classifies what the
 * gateway detected by SID (ET PRO, 2800000–2899999, is loaded only with CyberSecure).
 */
import { z } from 'zod'
import type { Settings } from '../../../shared/settings.js'
import { ConfigError, toScannerError } from '../../errors.js'
import type { UnifiRunAccess } from '../../unifi/run-access.js'
import type { Integration, IntegrationContext, IntegrationRequirement } from '../contract.js'
import type { IpsSettings } from '../../unifi/model.js'
import { classifyCyberSecure } from './classify.js'
import type { CyberSecureData } from './model.js'
import { renderCyberSecureSection } from './section.js'

function hasUnifiCredentials(settings: Settings): boolean {
  const { apiKey, username, password } = settings.unifi
  return apiKey !== undefined || (username !== undefined && password !== undefined)
}

/** CyberSecure has no settings of its own: it needs the UniFi connection. */
export const CYBERSECURE_REQUIREMENTS: readonly IntegrationRequirement[] = [
  {
    key: 'unifiController',
    label: 'UniFi controller',
    isMet: (settings) => settings.unifi.url !== undefined,
  },
  {
    key: 'unifiCredentials',
    label: 'UniFi credentials',
    isMet: hasUnifiCredentials,
  },
]

export const cybersecureIntegration: Integration<CyberSecureData> = {
  id: 'cybersecure',
  displayName: 'CyberSecure',
  description: "Uses the UniFi connection: classifies the gateway's IPS detections by Proofpoint ET PRO signature",
  settingsSchema: z.object({}),
  fields: [],
  requires: CYBERSECURE_REQUIREMENTS,
  privacyNote: 'Nothing leaves your network: CyberSecure is read from your own console over the UniFi connection.',

  async fetch(ctx: IntegrationContext): Promise<CyberSecureData> {
    const unifi = requireUnifi(ctx.unifi)
    const [settingsRead, threatRead] = await Promise.all([readSettings(unifi, ctx.signal), unifi.threats(ctx.signal)])
    return classifyCyberSecure({
      threats: threatRead.threats,
      settings: settingsRead.settings,
      settingsNote: settingsRead.note,
      threatSources: threatRead.sources.threats,
    })
  },

  renderSection: (data) => renderCyberSecureSection(data),

  async testConnection(ctx) {
    const unifi = requireUnifi(ctx.unifi)
    const { settings, note } = await readSettings(unifi, ctx.signal)
    if (settings === null) return { ok: true, message: note ?? 'Connected; the console does not expose IPS settings.' }
    return { ok: true, message: `Connected; IPS mode is "${settings.mode}".` }
  },
}

function requireUnifi(unifi: UnifiRunAccess | null): UnifiRunAccess {
  if (unifi === null) {
    throw new ConfigError(
      'CyberSecure needs the UniFi connection, which is not available for this run. Configure the UniFi controller first.',
    )
  }
  return unifi
}

/**
 * An endpoint a firmware does not have is not an outage: a config-class failure (404, 400) of the settings read
 * becomes a note and the threats are still classified. Outages (timeouts, 5xx, resets) propagate to the breaker.
 */
async function readSettings(
  unifi: UnifiRunAccess,
  signal: AbortSignal,
): Promise<{ settings: IpsSettings | null; note: string | null }> {
  try {
    const settings = await unifi.ipsSettings(signal)
    return {
      settings,
      note: settings === null ? 'This console does not expose its threat-management settings.' : null,
    }
  } catch (error) {
    const scannerError = toScannerError(error)
    if (scannerError.kind !== 'config') throw scannerError
    return { settings: null, note: `Threat-management settings could not be read: ${scannerError.message}` }
  }
}
