/**
 * Human labels for setting keys, as main reports them in missing-field lists (`unifi.url`) or as an
 * integration's own field keys (`apiToken`, `unifiCredentials`).
 */
const LABELS: Record<string, string> = {
  'unifi.url': 'Controller URL',
  'unifi.site': 'Site',
  'unifi.apiKey': 'API key',
  'unifi.username': 'Username',
  'unifi.password': 'Password',
  'unifi.credentials': 'API key, or username and password',
  'unifi.tlsFingerprint': 'Pinned certificate fingerprint',
  'unifi.caFile': 'CA file',
  'unifi.requestTimeoutMs': 'UniFi request timeout',
  'unifi.collectionBudgetMs': 'UniFi collection time budget',
  'unifi.maxConcurrentRequests': 'UniFi requests at once',
  'cloudflare.apiToken': 'API token',
  'integrations.cloudflare.apiToken': 'API token',
  'integrations.cloudflare.accountId': 'Account ID',
  'integrations.cloudflare.zones': 'Zones',
  'integrations.cloudflare.apiUrl': 'API URL',
  'cloudflare.accountId': 'Account ID',
  'cloudflare.zones': 'Zones',
  'cloudflare.apiUrl': 'API URL',
  'cybersecure.unifiController': 'UniFi controller URL',
  'cybersecure.unifiCredentials': 'UniFi credentials (API key, or username and password)',
  'report.lookbackHours': 'Look-back hours',
  'report.outputDir': 'Output folder',
  'report.format': 'Formats',
  'report.retentionDays': 'Retention days',
  'report.timezone': 'Timezone',
  'breaker.failMax': 'Failures before the breaker opens',
  'breaker.resetTimeoutMs': 'Wait before a trial call',
  'breaker.timeoutMs': 'Call timeout',
}

/** The label of `key` within `scope` (an integration id or settings section); the key itself when unknown. */
export function fieldLabel(scope: string, key: string): string {
  const qualified = key.includes('.') ? key : `${scope}.${key}`
  return LABELS[qualified] ?? LABELS[key] ?? key
}
