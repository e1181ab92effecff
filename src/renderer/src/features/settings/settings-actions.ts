import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsPatch, SettingsView } from '../../../../shared/ipc/payloads.js'
import type { SecretSettingPath } from '../../../../shared/settings.js'
import { fromFieldErrors, type FieldErrors } from './validate.js'

export interface SaveOutcome {
  saved: boolean
  errors: FieldErrors
  /** A failure that concerns no single field (e.g. the store could not be written). */
  failure: string | null
  /** The settings main answered (saved or not); absent when the call itself failed. */
  settings?: SettingsView
}

/** Saves a patch of plain settings; main re-validates with the same schema and answers per-field errors. */
export async function savePatch(
  api: BridgeApi,
  patch: SettingsPatch,
  accept: (settings: SettingsView) => void,
): Promise<SaveOutcome> {
  const result = await api.updateSettings(patch)
  if (!result.ok) return { saved: false, errors: {}, failure: result.error.message }
  const settings = result.value.settings
  accept(settings)
  if (result.value.saved) return { saved: true, errors: {}, failure: null, settings }
  return { saved: false, errors: fromFieldErrors(result.value.fieldErrors), failure: null, settings }
}

/** Stores a secret (write-only); resolves to an error message or null. */
export async function saveSecret(
  api: BridgeApi,
  key: SecretSettingPath,
  value: string,
  accept: (settings: SettingsView) => void,
): Promise<string | null> {
  const result = await api.setSecret({ key, value })
  if (!result.ok) return result.error.message
  accept(result.value)
  return null
}

export async function clearSecret(
  api: BridgeApi,
  key: SecretSettingPath,
  accept: (settings: SettingsView) => void,
): Promise<string | null> {
  const result = await api.clearSecret({ key })
  if (!result.ok) return result.error.message
  accept(result.value)
  return null
}
