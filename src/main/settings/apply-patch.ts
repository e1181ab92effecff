import type { FieldError, SettingsPatch } from '../../shared/ipc/payloads.js'
import { settingsSchema, type Settings } from '../../shared/settings.js'

/**
 * What main may change: the renderer's patch, plus the paths only main's dialogs choose (the CA file, the
 * reports folder) — the renderer's schema admits nothing but `''` for those.
 */
export interface SettingsChange extends Omit<SettingsPatch, 'unifi' | 'report'> {
  unifi?: Omit<NonNullable<SettingsPatch['unifi']>, 'caFile'> & { caFile?: string }
  report?: Omit<NonNullable<SettingsPatch['report']>, 'outputDir'> & { outputDir?: string }
}

export type PatchOutcome = { ok: true; settings: Settings } | { ok: false; fieldErrors: FieldError[] }

/**
 * Pure: merges a patch of plain settings into the current ones and validates the result with the shared schema,
 * so the form gets the same rules (and messages) as the CLI's config file, per field. An empty string clears an
 * optional text field; a null collection budget goes back to its default.
 */
export function applySettingsPatch(current: Settings, patch: SettingsChange): PatchOutcome {
  const thresholds = { ...current.thresholds }
  for (const [name, pair] of Object.entries(patch.thresholds ?? {})) {
    const key = name as keyof Settings['thresholds']
    thresholds[key] = { ...thresholds[key], ...pair }
  }
  const merged = {
    ...current,
    unifi: withDefaultBudget({ ...current.unifi, ...patch.unifi }),
    cloudflare: { ...current.cloudflare, ...patch.cloudflare },
    breaker: { ...current.breaker, ...patch.breaker },
    report: { ...current.report, ...patch.report },
    thresholds,
  }
  const parsed = settingsSchema.safeParse(merged)
  if (parsed.success) return { ok: true, settings: parsed.data }
  return {
    ok: false,
    fieldErrors: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  }
}

function withDefaultBudget<T extends { collectionBudgetMs?: number | null | undefined }>(
  unifi: T,
): Omit<T, 'collectionBudgetMs'> & { collectionBudgetMs?: number } {
  const { collectionBudgetMs, ...rest } = unifi
  return collectionBudgetMs === null || collectionBudgetMs === undefined ? rest : { ...rest, collectionBudgetMs }
}
