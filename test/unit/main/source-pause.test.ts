/**
 * "Pause" and "Resume" on a card, through the real main handlers: saved in the settings (the one breaker fact
 * that outlives a restart), shown on the card and pushed to the window; unknown sources are refused. A source's
 * own breaker values come in through the settings form and are checked against the global ones they complete.
 */
import { describe, expect, it } from 'vitest'
import { integrations } from '../../../src/core/integrations/registry.js'
import { applySettingsPatch } from '../../../src/main/settings/apply-patch.js'
import type { IntegrationStatus } from '../../../src/shared/ipc/payloads.js'
import { defaultSettings } from '../../../src/shared/settings.js'
import { memorySettings, servicesFor, TRUSTED } from './helpers.js'

function cloudflareCard(status: unknown): IntegrationStatus | undefined {
  const value = (status as { ok: true; value: { integrations?: IntegrationStatus[] } }).value
  return value.integrations?.find((card) => card.id === 'cloudflare')
}

describe('Pause and Resume', () => {
  it('are saved in the settings, shown on the card, and kept by a restarted app', async () => {
    const settings = memorySettings({ integrations: { cloudflare: { apiToken: 'cf-token-value' } } })
    const first = servicesFor({ settings })
    await expect(
      first.services.dispatch('integration:set-paused', TRUSTED, { id: 'cloudflare', paused: true }),
    ).resolves.toEqual({ ok: true, value: { paused: true } })
    expect(settings.read().sources.cloudflare?.paused).toBe(true)
    expect(cloudflareCard(await first.services.dispatch('status:get', TRUSTED, undefined))?.controls.paused).toBe(true)
    // The window hears it by push too (coalesced, so it may arrive a moment later).
    const pushedPaused = () =>
      first.target.sent.some(
        (message) =>
          message.channel === 'integration:changed' &&
          (message.payload as IntegrationStatus).id === 'cloudflare' &&
          (message.payload as IntegrationStatus).controls.paused,
      )
    await expect.poll(pushedPaused).toBe(true)
    await first.services.close()

    // A new app on the same settings: breakers start closed, the pause is still the admin's choice.
    const second = servicesFor({ settings })
    const card = cloudflareCard(await second.services.dispatch('status:get', TRUSTED, undefined))
    expect(card?.controls.paused).toBe(true)
    expect(card?.breaker.state).toBe('closed')
    await second.services.dispatch('integration:set-paused', TRUSTED, { id: 'cloudflare', paused: false })
    expect(settings.read().sources.cloudflare?.paused).toBe(false)
    expect(cloudflareCard(await second.services.dispatch('status:get', TRUSTED, undefined))?.controls.paused).toBe(
      false,
    )
    await second.services.close()
  })

  it('refuses a source the app does not have, and a malformed request, changing nothing', async () => {
    const settings = memorySettings()
    const { services } = servicesFor({ settings })
    const unknown = await services.dispatch('integration:set-paused', TRUSTED, { id: 'pigeon-post', paused: true })
    expect(unknown).toMatchObject({
      ok: false,
      error: { kind: 'config', message: expect.stringContaining('sources.pigeon-post') as string },
    })
    const malformed = await services.dispatch('integration:set-paused', TRUSTED, { id: 'cloudflare', paused: 'yes' })
    expect(malformed).toMatchObject({ ok: false })
    expect(settings.read().sources).toEqual({})
    await services.close()
  })
})

describe("a source's own breaker values from the settings form", () => {
  it('merge field by field, go back to the global value with null, and must make a valid policy', () => {
    const current = defaultSettings()
    const set = applySettingsPatch(
      current,
      { sources: { cloudflare: { breaker: { failMax: 1, timeoutMs: 5_000 } } } },
      integrations,
    )
    expect(set).toMatchObject({ ok: true })
    if (!set.ok) return
    expect(set.settings.sources.cloudflare).toEqual({ paused: false, breaker: { failMax: 1, timeoutMs: 5_000 } })

    const back = applySettingsPatch(
      set.settings,
      { sources: { cloudflare: { breaker: { failMax: null } } } },
      integrations,
    )
    expect(back.ok && back.settings.sources.cloudflare?.breaker).toEqual({ timeoutMs: 5_000 })

    const invalid = applySettingsPatch(
      current,
      { sources: { cloudflare: { breaker: { timeoutMs: 90_000 } } } },
      integrations,
    )
    expect(invalid).toEqual({
      ok: false,
      fieldErrors: [
        { path: 'sources.cloudflare.breaker.timeoutMs', message: 'must be shorter than the cool-down (60000 ms)' },
      ],
    })
    const unknown = applySettingsPatch(current, { sources: { nope: { breaker: { failMax: 2 } } } }, integrations)
    expect(unknown).toMatchObject({ ok: false, fieldErrors: [{ path: 'sources.nope' }] })
  })
})
