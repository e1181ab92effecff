/**
 * A throwaway integration that exists only in tests: "Pigeon Post", reading one loopback server. It is added
 * to a test-only registry next to the real ones, to prove that an integration is its folder plus one registry
 * line — the settings storage, secret store, CLI environment, `check`, the settings form and the status cards
 * all pick it up without code of their own.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { HttpStatusError } from '../../../../src/core/errors.js'
import { httpRequest, parseJsonBody } from '../../../../src/core/http/index.js'
import type { AnyIntegration, Integration } from '../../../../src/core/integrations/contract.js'
import { integrations as registered } from '../../../../src/core/integrations/registry.js'
import { integrationSettings } from '../../../../src/core/integrations/values.js'

export const PIGEON_KEY_ENV = 'PIGEON_POST_API_KEY'
export const PIGEON_URL_ENV = 'PIGEON_POST_URL'

const schema = z.object({
  apiKey: z.string().min(8, 'must be at least 8 characters').optional(),
  baseUrl: z.string().url().optional(),
  lofts: z.array(z.string()).default([]),
  maxBirds: z.number().int().min(1).max(99).default(12),
})

const PIGEON_SETTINGS = { id: 'pigeon-post', displayName: 'Pigeon Post', settingsSchema: schema } as const

export const pigeonPost: Integration<{ delivered: number }> = {
  id: PIGEON_SETTINGS.id,
  displayName: PIGEON_SETTINGS.displayName,
  description: 'Counts the messages the lofts delivered (a test integration)',
  settingsSchema: schema,
  fields: [
    {
      key: 'apiKey',
      label: 'Loft key',
      kind: 'secret',
      required: true,
      env: PIGEON_KEY_ENV,
      help: 'The key of your loft.',
    },
    {
      key: 'baseUrl',
      label: 'Loft address',
      kind: 'url',
      required: true,
      env: PIGEON_URL_ENV,
      placeholder: 'https://loft.example',
    },
    { key: 'lofts', label: 'Lofts', kind: 'list', required: false, env: 'PIGEON_POST_LOFTS' },
    { key: 'maxBirds', label: 'Birds per run', kind: 'number', required: false, env: 'PIGEON_POST_MAX_BIRDS' },
  ],
  attribution: ['Pigeon data © The Loft Society, CC BY 4.0'],
  privacyNote: 'Only the loft names you enter are sent to the loft address.',
  async fetch(ctx) {
    const { apiKey, baseUrl } = integrationSettings(PIGEON_SETTINGS, ctx.settings)
    const response = await httpRequest({
      url: `${baseUrl ?? ''}/delivered`,
      headers: { 'x-loft-key': apiKey ?? '' },
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
    })
    if (response.status >= 400) {
      throw new HttpStatusError(response.status, baseUrl ?? '', `The loft answered HTTP ${response.status}.`)
    }
    return parseJsonBody(response) as { delivered: number }
  },
  renderSection(data) {
    return {
      id: 'integration-pigeon-post',
      title: 'Pigeon Post',
      tone: 'good',
      blocks: [{ type: 'paragraph', text: `${data.delivered} messages delivered` }],
    }
  },
  async testConnection(ctx) {
    const { apiKey, baseUrl } = integrationSettings(PIGEON_SETTINGS, ctx.settings)
    const response = await httpRequest({
      url: `${baseUrl ?? ''}/delivered`,
      headers: { 'x-loft-key': apiKey ?? '' },
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
    })
    return response.status === 200
      ? { ok: true, message: 'The loft answers.' }
      : { ok: false, message: `The loft refused the key (HTTP ${response.status}).` }
  },
}

/** The app's registry plus the one line a new integration adds. */
export const registryWithPigeonPost: readonly AnyIntegration[] = [...registered, pigeonPost]

export interface Loft {
  url: string
  key: string
  /** The key each request carried, in order. */
  keys: string[]
  close(): Promise<void>
}

/** A loopback loft: `GET /delivered` answers `{ delivered: 7 }` for the right key, 401 otherwise. */
export async function startLoft(key = 'loft-key-5ecret'): Promise<Loft> {
  const keys: string[] = []
  const server: Server = createServer((request: IncomingMessage, response) => {
    const sent = String(request.headers['x-loft-key'] ?? '')
    keys.push(sent)
    const ok = request.url === '/delivered' && sent === key
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
    response.end(JSON.stringify(ok ? { delivered: 7 } : { error: 'unknown key' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    key,
    keys,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
