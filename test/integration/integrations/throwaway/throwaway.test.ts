/**
 * A new integration is its folder plus one registry line: a throwaway integration, registered only in a test
 * registry, shows up in the real main handlers (descriptors, settings, secret store, status card, test
 * connection) and in the real CLI `check --json` and `--help`, with no code of its own anywhere else.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/cli/program.js'
import { integrations } from '../../../../src/core/integrations/registry.js'
import { createMemoryLogger } from '../../../../src/core/logger.js'
import { createPush } from '../../../../src/main/ipc/push.js'
import { createMainServices } from '../../../../src/main/services.js'
import { createMemorySettingsService } from '../../../../src/main/settings/create-settings-service.js'
import { startFakes, type Fakes } from '../../cli/support/fakes.js'
import { PIGEON_KEY_ENV, PIGEON_URL_ENV, registryWithPigeonPost, startLoft, type Loft } from './pigeon-post.js'

/** The app's own integrations come first, in registry order; the throwaway one is the added line. */
const REGISTERED = integrations.map((integration) => integration.id)
const PAGE = 'file:///app/index.html'
const SENDER = { webContentsId: 7, frameUrl: PAGE }

let loft: Loft
let otherLoft: Loft
let fakes: Fakes
let dataDir = ''

beforeAll(async () => {
  loft = await startLoft()
  otherLoft = await startLoft('another-loft-key')
  fakes = await startFakes()
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-throwaway-'))
})

afterAll(async () => {
  await Promise.allSettled([loft?.close(), otherLoft?.close(), fakes?.close()])
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function desktop() {
  const sent: Array<{ channel: string; payload: unknown }> = []
  const services = createMainServices({
    settings: createMemorySettingsService({}, { integrations: registryWithPigeonPost }),
    integrations: registryWithPigeonPost,
    runner: null,
    appInfo: () => ({ name: 'u', version: '0', platform: 'linux', electronVersion: null, reportsDir: dataDir }),
    push: createPush(() => [{ isDestroyed: () => false, send: (channel, payload) => sent.push({ channel, payload }) }]),
    pageUrl: PAGE,
    logger: createMemoryLogger(),
    dataDir,
    reportsDir: () => path.join(dataDir, 'reports'),
  })
  services.trustedSenders.add(SENDER.webContentsId)
  const call = async (channel: string, payload?: unknown) => services.dispatch(channel, SENDER, payload)
  const value = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const answer = (await call(channel, payload)) as { ok: boolean; value: T }
    expect(answer.ok, JSON.stringify(answer)).toBe(true)
    return answer.value
  }
  const card = () => services.status.get().integrations?.find((candidate) => candidate.id === 'pigeon-post')
  return { services, sent, call, value, card }
}

describe('a throwaway integration in the desktop app (real handlers behind the test dispatch)', () => {
  it('is described, stored, kept secret, shown as a card and tested without code of its own', async () => {
    const app = desktop()
    try {
      const descriptors = await app.value<Array<{ id: string }>>('integrations:describe')
      expect(descriptors.map((descriptor) => descriptor.id)).toEqual([...REGISTERED, 'pigeon-post'])
      expect(descriptors.at(-1)).toEqual({
        id: 'pigeon-post',
        displayName: 'Pigeon Post',
        description: 'Counts the messages the lofts delivered (a test integration)',
        fields: [
          {
            key: 'apiKey',
            label: 'Loft key',
            kind: 'secret',
            required: true,
            env: PIGEON_KEY_ENV,
            help: 'The key of your loft.',
            placeholder: null,
          },
          {
            key: 'baseUrl',
            label: 'Loft address',
            kind: 'url',
            required: true,
            env: PIGEON_URL_ENV,
            help: null,
            placeholder: 'https://loft.example',
          },
          {
            key: 'lofts',
            label: 'Lofts',
            kind: 'list',
            required: false,
            env: 'PIGEON_POST_LOFTS',
            help: null,
            placeholder: null,
          },
          {
            key: 'maxBirds',
            label: 'Birds per run',
            kind: 'number',
            required: false,
            env: 'PIGEON_POST_MAX_BIRDS',
            help: null,
            placeholder: null,
          },
        ],
        requirements: [],
        attribution: ['Pigeon data © The Loft Society, CC BY 4.0'],
        privacyNote: 'Only the loft names you enter are sent to the loft address.',
        canTest: true,
      })
      expect(app.card()).toMatchObject({ displayName: 'Pigeon Post', configuration: { state: 'not-configured' } })

      // Plain values through the generic patch; its own schema's rules come back per field.
      const refused = await app.value<{ saved: boolean; fieldErrors?: { path: string }[] }>('settings:update', {
        integrations: { 'pigeon-post': { maxBirds: 500 } },
      })
      expect(refused).toMatchObject({ saved: false, fieldErrors: [{ path: 'integrations.pigeon-post.maxBirds' }] })
      const saved = await app.value<{ saved: boolean; settings: { integrations: Record<string, unknown> } }>(
        'settings:update',
        { integrations: { 'pigeon-post': { baseUrl: loft.url, lofts: ['north', 'south'], maxBirds: 3 } } },
      )
      expect(saved.saved).toBe(true)
      expect(saved.settings.integrations['pigeon-post']).toEqual({
        baseUrl: loft.url,
        lofts: ['north', 'south'],
        maxBirds: 3,
      })
      expect(app.card()?.configuration).toEqual({ state: 'partial', missing: ['apiKey'] })

      // Its secret field is a secret path of its own: write-only, never in a view or a push.
      const view = await app.value<{ secretsSet: Record<string, boolean> }>('secret:set', {
        key: 'integrations.pigeon-post.apiKey',
        value: loft.key,
      })
      expect(view.secretsSet['integrations.pigeon-post.apiKey']).toBe(true)
      expect(app.services.settings.read().integrations['pigeon-post']?.['apiKey']).toBe(loft.key)
      expect(app.card()?.configuration).toEqual({ state: 'configured', missing: [] })
      // The window hears of it through the card push (coalesced, so it arrives a moment later).
      const pushedCard = () => app.sent.filter((push) => push.channel === 'integration:changed').at(-1)?.payload
      await expect.poll(pushedCard).toMatchObject({ id: 'pigeon-post', configuration: { state: 'configured' } })
      expect(JSON.stringify([view, app.sent])).not.toContain(loft.key)

      // "Test connection" runs its own test with the stored key, or with a draft one.
      expect(await app.value('integration:test', { id: 'pigeon-post', values: {} })).toEqual({
        ok: true,
        message: 'The loft answers.',
      })
      expect(loft.keys.at(-1)).toBe(loft.key)
      expect(
        await app.value('integration:test', { id: 'pigeon-post', values: { apiKey: 'wrong-loft-key' } }),
      ).toMatchObject({ ok: false })

      // The key belongs to the loft it was saved for: a draft aimed at another loft does not carry it there.
      const elsewhere = await app.value<{ ok: boolean }>('integration:test', {
        id: 'pigeon-post',
        values: { baseUrl: otherLoft.url },
      })
      expect(elsewhere.ok).toBe(false)
      expect(otherLoft.keys).not.toContain(loft.key)
      // … and saving another loft address removes the stored key and asks for it again.
      await app.value('settings:update', { integrations: { 'pigeon-post': { baseUrl: otherLoft.url } } })
      expect(app.services.settings.view().secretsSet['integrations.pigeon-post.apiKey']).toBe(false)
      expect(JSON.stringify(app.services.status.get().notices)).toContain(
        'The Pigeon Post Loft address changed, so the saved Loft key was removed',
      )
    } finally {
      await app.services.close()
    }
  })
})

class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8')
    done()
  }
}

async function cli(args: string[], env: Record<string, string>) {
  const stdout = new Capture()
  const stderr = new Capture()
  const code = await runCli(['node', 'unifi-scanner', ...args], {
    env,
    stdout,
    stderr,
    interrupts: { onInterrupt: () => () => undefined },
    platform: process.platform,
    now: Date.now,
    integrations: registryWithPigeonPost,
  })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

describe('a throwaway integration in the CLI (the real commands, in process)', () => {
  it('check --json lists it from its environment variables and runs its connection test', async () => {
    const env = fakes.env({ UNIFI_SITE: 'default', [PIGEON_KEY_ENV]: loft.key, [PIGEON_URL_ENV]: loft.url })
    const result = await cli(['check', '--json', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout) as { integrations: Array<{ id: string }> }
    expect(json.integrations.map((integration) => integration.id)).toEqual([...REGISTERED, 'pigeon-post'])
    expect(json.integrations.at(-1)).toMatchObject({
      id: 'pigeon-post',
      displayName: 'Pigeon Post',
      status: 'configured',
      missing: [],
      test: { ok: true, message: 'The loft answers.' },
    })
    expect(result.stdout).not.toContain(loft.key)
    expect(result.stderr).not.toContain(loft.key)
    expect(result.stderr).toContain('Pigeon Post: configured — connection test passed: The loft answers.')
  })

  it('names the missing field by its label and variable, and refuses a value its own schema refuses', async () => {
    const partial = await cli(
      ['check', '--json', '--data-dir', dataDir],
      fakes.env({ UNIFI_SITE: 'default', [PIGEON_URL_ENV]: loft.url }),
    )
    expect(partial.code, partial.stderr).toBe(0)
    const json = JSON.parse(partial.stdout) as {
      integrations: Array<{ id: string; fields: Array<{ key: string; set: boolean }> }>
    }
    expect(json.integrations.at(-1)).toMatchObject({
      id: 'pigeon-post',
      status: 'partial',
      missing: ['apiKey'],
      test: null,
    })
    expect(json.integrations.at(-1)?.fields.map((field) => [field.key, field.set])).toEqual([
      ['apiKey', false],
      ['baseUrl', true],
      ['lofts', false],
      ['maxBirds', false],
    ])
    expect(partial.stderr).toContain(`Pigeon Post: partially configured (missing: Loft key (${PIGEON_KEY_ENV}))`)

    const refused = await cli(['check', '--json', '--data-dir', dataDir], fakes.env({ PIGEON_POST_MAX_BIRDS: '500' }))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('PIGEON_POST_MAX_BIRDS (environment)')
  })

  it('--help lists its environment variables', async () => {
    const help = await cli(['--help'], {})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain(PIGEON_KEY_ENV)
    expect(help.stdout).toContain('CLOUDFLARE_API_TOKEN')
  })
})
