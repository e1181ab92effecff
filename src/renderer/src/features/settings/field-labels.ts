/**
 * Human labels for the app's own setting keys, as main reports them in missing-field lists (`unifi.url`).
 * Integration fields are labelled by their descriptors (`integrations:describe`), not here.
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
