/**
 * Every integration the app knows, in the order they run and appear in the report. A plain list on purpose
 * (no plugin discovery): adding an integration is its folder plus one line here.
 */
import { abuseipdbIntegration } from './abuseipdb/index.js'
import { cloudflareIntegration } from './cloudflare/index.js'
import type { AnyIntegration } from './contract.js'
import { cybersecureIntegration } from './cybersecure/index.js'

export const integrations: readonly AnyIntegration[] = [
  cloudflareIntegration,
  cybersecureIntegration,
  abuseipdbIntegration,
]
