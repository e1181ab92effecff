import type { SettingsView } from '../../../../shared/ipc/payloads.js'

/** What the form holds right now: typed values, and secrets entered but not yet saved. */
export interface UnifiDraft {
  url: string
  username: string
  authMethod: 'api-key' | 'password'
  pendingApiKey: string
  pendingPassword: string
}

export interface ConfigurationCheck {
  state: 'not-configured' | 'partial' | 'configured'
  /** Setting keys, e.g. `unifi.url`, in the order the form shows them. */
  missing: string[]
}

const filled = (value: string): boolean => value.trim() !== ''

function check(anySet: boolean, missing: string[]): ConfigurationCheck {
  if (!anySet) return { state: 'not-configured', missing: [] }
  return missing.length > 0 ? { state: 'partial', missing } : { state: 'configured', missing: [] }
}

/**
 * UniFi needs a URL and one way to sign in: an API key, or username and password. The chosen method decides
 * which credentials are listed as missing (mirrors the engine's rule, so the form warns before saving).
 */
export function unifiMissing(draft: UnifiDraft, secrets: SettingsView['secretsSet']): ConfigurationCheck {
  const hasKey = secrets['unifi.apiKey'] || filled(draft.pendingApiKey)
  const hasPassword = secrets['unifi.password'] || filled(draft.pendingPassword)
  const anySet = filled(draft.url) || filled(draft.username) || hasKey || hasPassword
  const missing: string[] = []
  if (!filled(draft.url)) missing.push('unifi.url')
  if (draft.authMethod === 'api-key') {
    if (!hasKey) missing.push('unifi.apiKey')
  } else {
    if (!filled(draft.username)) missing.push('unifi.username')
    if (!hasPassword) missing.push('unifi.password')
  }
  return check(anySet, missing)
}
