/**
 * The threat-intelligence integration: country and network owner of every external address in the run's
 * threats and security findings from an offline database, and — with an AbuseIPDB key — each address's
 * reputation, within the per-run cap, the account's quota and the cache. Only public addresses are ever sent.
 */
import { ConfigError } from '../../errors.js'
import type { UnifiRunAccess } from '../../unifi/run-access.js'
import type { Integration } from '../contract.js'
import { integrationSettings } from '../values.js'
import { threatIntelNotes } from './address-notes.js'
import { createReputationClient } from './client.js'
import { fetchThreatIntel, OFFLINE_ATTRIBUTION, REPUTATION_ATTRIBUTION } from './fetch-intel.js'
import { loadIpNetworkDb } from './ip-network-db.js'
import type { ThreatIntelData } from './model.js'
import { renderThreatIntelSection } from './section.js'
import {
  ABUSEIPDB_FIELDS,
  ABUSEIPDB_REQUIREMENTS,
  ABUSEIPDB_SETTINGS,
  abuseipdbSettingsSchema,
  DEFAULT_CACHE_TTL_HOURS,
  DEFAULT_MAX_LOOKUPS,
} from './settings.js'

/** A public resolver's address: checking it tells whether the key works without sending anything of the site's. */
const VERIFY_ADDRESS = '8.8.8.8'

export const abuseipdbIntegration: Integration<ThreatIntelData> = {
  id: ABUSEIPDB_SETTINGS.id,
  displayName: ABUSEIPDB_SETTINGS.displayName,
  description: 'Country and network owner of attacking addresses (offline), and their AbuseIPDB reputation',
  settingsSchema: abuseipdbSettingsSchema,
  fields: ABUSEIPDB_FIELDS,
  requires: ABUSEIPDB_REQUIREMENTS,
  attribution: [REPUTATION_ATTRIBUTION, ...OFFLINE_ATTRIBUTION],
  privacyNote:
    'Without an API key nothing leaves this computer: country and network owner come from an offline database. ' +
    'With a key, the public source addresses of threats and security findings (never private, reserved or your ' +
    `own WAN addresses) are sent to AbuseIPDB, at most ${DEFAULT_MAX_LOOKUPS} per report by default, and the ` +
    `answers are kept on this computer for ${DEFAULT_CACHE_TTL_HOURS} hours.`,

  async fetch(ctx) {
    const values = integrationSettings(ABUSEIPDB_SETTINGS, ctx.settings)
    const unifi = requireUnifi(ctx.unifi)
    // Events and WAN addresses refine the picture; without them the threats alone still tell the story.
    const [threatRead, events, ownAddresses] = await Promise.all([
      unifi.threats(ctx.signal),
      unifi.events(ctx.signal).catch(() => []),
      unifi.wanAddresses(ctx.signal).catch(() => []),
    ])
    return fetchThreatIntel({
      threats: threatRead.threats,
      events,
      ownAddresses,
      settings: {
        apiKey: values.apiKey ?? null,
        apiUrl: values.apiUrl,
        maxLookupsPerRun: values.maxLookupsPerRun,
        cacheTtlHours: values.cacheTtlHours,
        maxAgeInDays: values.maxAgeInDays,
        highScore: values.highScore,
      },
      cacheDir: ctx.cacheDir ?? null,
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
      logger: ctx.logger,
      now: () => ctx.now(),
      loadDb: () => loadIpNetworkDb(),
    })
  },

  renderSection: (data) => renderThreatIntelSection(data),
  addressNotes: (data) => threatIntelNotes(data),

  async testConnection(ctx) {
    const values = integrationSettings(ABUSEIPDB_SETTINGS, ctx.settings)
    if (values.apiKey === undefined) {
      return {
        ok: true,
        message: 'No API key: reports show the offline country and network owner only. Enter a key to add reputation.',
      }
    }
    const client = createReputationClient({
      apiKey: values.apiKey,
      apiUrl: values.apiUrl,
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
      now: () => ctx.now(),
    })
    const answer = await client.check(VERIFY_ADDRESS)
    const { limit, remaining } = answer.rateLimit
    const quota =
      remaining === null
        ? ''
        : ` (${remaining.toLocaleString('en-US')}${limit === null ? '' : ` of ${limit.toLocaleString('en-US')}`} look-ups left today)`
    return { ok: true, message: `Key accepted${quota}.` }
  },
}

function requireUnifi(unifi: UnifiRunAccess | null): UnifiRunAccess {
  if (unifi === null) {
    throw new ConfigError(
      'Threat intelligence needs the UniFi connection, which is not available for this run. Configure the UniFi controller first.',
    )
  }
  return unifi
}
