/**
 * Every scripted fault of the fake, through the real client: what the data and the section say, and how the
 * error is classified (auth/config need the user and do not count; 429, 5xx, bad JSON count toward the breaker).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { countsAsFailure, HttpStatusError, ScannerError } from '../../../src/core/errors.js'
import { createCloudflareIntegration } from '../../../src/core/integrations/cloudflare/index.js'
import type { SectionBlock } from '../../../src/core/report/section.js'
import { startFakeCloudflare, type CloudflareFault } from '../../../src/simulator/cloudflare/index.js'
import { contextFor, settingsFor } from './support.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const open: { close(): Promise<void> }[] = []

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()))
})

async function setup(
  faults: CloudflareFault[],
  extra: Parameters<typeof settingsFor>[1] = {},
  tokenOwner?: 'user' | 'account',
) {
  const fake = await startFakeCloudflare({ now: () => NOW, faults, ...(tokenOwner ? { tokenOwner } : {}) })
  const ctx = contextFor(settingsFor(fake, extra), { now: NOW })
  open.push(fake, ctx)
  return { fake, ctx, integration: createCloudflareIntegration() }
}

async function fetchFails(
  faults: CloudflareFault[],
  extra: Parameters<typeof settingsFor>[1] = {},
): Promise<ScannerError> {
  const { integration, ctx } = await setup(faults, extra)
  const error: unknown = await integration.fetch(ctx).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ScannerError)
  return error as ScannerError
}

async function fetchData(faults: CloudflareFault[], extra: Parameters<typeof settingsFor>[1] = {}) {
  const { integration, ctx, fake } = await setup(faults, extra)
  const data = await integration.fetch(ctx)
  const section = integration.renderSection(data, { window: ctx.window, timezone: 'UTC' })
  return { data, section, fake }
}

function texts(blocks: SectionBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph' || b.type === 'subheading'
      ? [b.text]
      : b.type === 'list'
        ? b.items
        : b.type === 'facts'
          ? b.items.map((i) => `${i.label}: ${i.value}`)
          : [b.caption ?? '', ...b.rows.map((r) => r.cells.join(' | '))],
  )
}

const status = (part: { status: string }) => part.status

describe('Cloudflare faults', () => {
  it('401 invalid token: the run fails as an auth problem that does not count, without leaking the token', async () => {
    const { integration, ctx, fake } = await setup([{ kind: 'invalid-token' }])
    const error = (await integration.fetch(ctx).catch((e: unknown) => e)) as ScannerError
    expect(error.kind).toBe('auth')
    expect(countsAsFailure(error)).toBe(false)
    expect(error.message).toContain('Cloudflare rejected the API token (HTTP 401')
    expect(error.message).toContain('Invalid API Token [code 1000]')
    expect(error.message).not.toContain(fake.token)
    // Auth problems stop the run at once: nothing after the zone list was attempted.
    expect(fake.requests.map((r) => r.path)).toEqual(['/zones'])
  })

  it('429 everywhere: rate-limited, counted, with the Retry-After wait', async () => {
    const error = await fetchFails([{ kind: 'rate-limited', retryAfterSeconds: 120 }], { accountId: 'acc' })
    expect(error.kind).toBe('rate-limited')
    expect(countsAsFailure(error)).toBe(true)
    expect(error).toBeInstanceOf(HttpStatusError)
    expect((error as HttpStatusError).retryAfterMs).toBe(120_000)
    expect(error.message).toContain('wait 2 min before the next request')
  })

  it('429 on GraphQL only: analytics fail, tunnels still reported, the section lists what is missing', async () => {
    const { data, section } = await fetchData([{ kind: 'rate-limited', target: 'graphql' }])
    expect(status(data.securityEvents)).toBe('failed')
    expect(status(data.dns)).toBe('failed')
    expect(data.tunnels.status).toBe('ok')
    const lines = texts(section.blocks)
    expect(lines.some((l) => l.startsWith('Security events could not be fetched: Cloudflare rate limit reached'))).toBe(
      true,
    )
    expect(lines.some((l) => l.startsWith('DNS analytics could not be fetched:'))).toBe(true)
    expect(lines).toContain('Some Cloudflare data could not be fetched:')
    expect(lines.some((l) => l.startsWith('home-lab | Healthy | 4'))).toBe(true)
    expect(section.tone).toBe('warning')
  })

  it('500 everywhere: a counted server failure', async () => {
    const error = await fetchFails([{ kind: 'server-error' }], { accountId: 'acc' })
    expect(error.kind).toBe('server')
    expect(countsAsFailure(error)).toBe(true)
  })

  it('500 on the tunnel list only: events and DNS are reported, tunnels say why they are missing', async () => {
    const { data, section } = await fetchData([{ kind: 'server-error', target: 'tunnels' }])
    expect(status(data.securityEvents)).toBe('ok')
    expect(status(data.dns)).toBe('ok')
    expect(data.tunnels.status).toBe('failed')
    expect(
      texts(section.blocks).some((l) =>
        l.startsWith('Tunnel status could not be fetched: Cloudflare had a server problem (HTTP 500'),
      ),
    ).toBe(true)
  })

  it('500 on one connections call: the tunnel is listed with unknown connections and a problem note', async () => {
    const { data, section } = await fetchData([{ kind: 'server-error', target: 'connections', times: 1 }])
    if (data.tunnels.status !== 'ok') throw new Error('tunnels should be ok')
    const unknown = data.tunnels.value.tunnels.filter((t) => t.activeConnections === null)
    expect(unknown).toHaveLength(1)
    expect(data.problems.some((p) => p.startsWith(`Failed to fetch connections of tunnel ${unknown[0]?.name}`))).toBe(
      true,
    )
    expect(texts(section.blocks).some((l) => l.includes(' | unknown | '))).toBe(true)
  })

  it('errors inside HTTP 200 for security events only: DNS is kept, events fail as a query problem', async () => {
    const { data, section } = await fetchData([{ kind: 'errors-in-200', target: 'events' }])
    expect(data.securityEvents).toMatchObject({ status: 'failed', errorKind: 'config' })
    if (data.securityEvents.status === 'failed')
      expect(data.securityEvents.message).toContain('cannot request data older than 2678400s')
    expect(status(data.dns)).toBe('ok')
    expect(section.summary).toContain('DNS queries')
    expect(section.summary).toContain('some data could not be fetched')
  })

  it('errors inside HTTP 200 for every query with no tunnels readable: the whole run fails', async () => {
    const error = await fetchFails(
      [
        { kind: 'errors-in-200', target: 'graphql', message: 'unable to execute query, please try again later' },
        { kind: 'server-error', target: 'tunnels' },
      ],
      {},
    )
    expect(error.kind).toBe('server')
    expect(countsAsFailure(error)).toBe(true)
  })

  it('a missing analytics permission is reported per feature and keeps the rest', async () => {
    const { data } = await fetchData([
      { kind: 'errors-in-200', target: 'dns', message: 'zone does not have access to the path' },
    ])
    expect(data.dns).toMatchObject({ status: 'failed', errorKind: 'config' })
    if (data.dns.status === 'failed')
      expect(data.dns.message).toContain('DNS analytics unavailable: the token lacks Zone Analytics Read')
    expect(status(data.securityEvents)).toBe('ok')
  })

  it('unreadable settings node: documented plan defaults are assumed and the run goes on', async () => {
    const { data, fake } = await fetchData([{ kind: 'errors-in-200', target: 'limits' }])
    expect(status(data.securityEvents)).toBe('ok')
    const events = fake.requests.find((r) => r.graphql?.query.startsWith('query CloudflareSecurityEvents'))
    const free = fake.account.zones.findIndex((z) => z.plan === 'free')
    const since = Date.parse(String(events?.graphql?.variables[`since${free}`]))
    expect(NOW - since).toBeLessThanOrEqual(24 * 3_600_000)
  })

  it('malformed JSON on the zone list: a counted parse error when nothing else can run', async () => {
    const error = await fetchFails([{ kind: 'malformed-json', target: 'zones' }])
    expect(error.kind).toBe('parse')
    expect(countsAsFailure(error)).toBe(true)
  })

  it('malformed JSON on the zone list with the account id set: tunnels are still reported', async () => {
    const { integration, ctx, fake } = await setup([{ kind: 'malformed-json', target: 'zones' }])
    const settings = settingsFor(fake, { accountId: fake.accountId })
    const data = await integration.fetch({ ...ctx, settings })
    expect(data.securityEvents).toMatchObject({ status: 'skipped' })
    expect(data.tunnels.status).toBe('ok')
    expect(data.problems[0]).toMatch(
      /^Failed to list zones: Cloudflare answered .*\/zones .*invalid JSON|^Failed to list zones: .*invalid JSON/,
    )
  })

  it('a 403 on the tunnels of an account the token cannot read fails only the tunnel part', async () => {
    const { data } = await fetchData([], { accountId: 'someone-elses-account' })
    expect(status(data.securityEvents)).toBe('ok')
    expect(data.tunnels).toMatchObject({ status: 'failed', errorKind: 'auth' })
    if (data.tunnels.status === 'failed') expect(data.tunnels.message).toContain('Cloudflare refused access (HTTP 403')
  })

  it('hang: the call is cut by the run signal and classified as the signal says', async () => {
    const { integration, ctx, fake } = await setup([{ kind: 'hang' }])
    const controller = new AbortController()
    setTimeout(() => controller.abort(new ScannerError('timeout', 'BUDGET', 'budget spent')), 200)
    const error = (await integration
      .fetch({ ...ctx, signal: controller.signal })
      .catch((e: unknown) => e)) as ScannerError
    expect(error.kind).toBe('timeout')
    expect(fake.requests).toHaveLength(1)
  })
})

describe('Cloudflare token verification (test connection)', () => {
  it('a valid user token', async () => {
    const { integration, ctx, fake } = await setup([])
    const result = await integration.testConnection?.(ctx)
    expect(result).toMatchObject({ ok: true, details: { status: 'active', owner: 'user' } })
    expect(result?.message).toMatch(/^Token is valid \(active, expires \d{4}-\d{2}-\d{2}\)\.$/)
    expect(fake.requests.map((r) => r.path)).toEqual(['/user/tokens/verify'])
  })

  it('an account-owned token falls back to the account endpoint, discovering the account from the zones', async () => {
    const { integration, ctx, fake } = await setup([], {}, 'account')
    const result = await integration.testConnection?.(ctx)
    expect(result).toMatchObject({ ok: true, details: { owner: 'account' } })
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/user/tokens/verify',
      '/zones',
      `/accounts/${fake.accountId}/tokens/verify`,
    ])
  })

  it('an account-owned token with the account id set goes straight to the account endpoint after the 403', async () => {
    const { integration, ctx, fake } = await setup([], { accountId: 'placeholder' }, 'account')
    const ctxWithAccount = { ...ctx, settings: settingsFor(fake, { accountId: fake.accountId }) }
    const result = await integration.testConnection?.(ctxWithAccount)
    expect(result?.ok).toBe(true)
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/user/tokens/verify',
      `/accounts/${fake.accountId}/tokens/verify`,
    ])
  })

  it('an expired token is reported as such', async () => {
    const { integration, ctx } = await setup([{ kind: 'expired-token' }])
    const result = await integration.testConnection?.(ctx)
    expect(result).toMatchObject({ ok: false, details: { status: 'expired' } })
    expect(result?.message).toContain('The token is expired')
  })

  it('an invalid token gives a plain answer, never the token, without trying other endpoints', async () => {
    const { integration, ctx, fake } = await setup([{ kind: 'invalid-token' }], { accountId: 'abc' })
    const result = await integration.testConnection?.(ctx)
    expect(result).toMatchObject({ ok: false, details: { kind: 'auth', code: 'CLOUDFLARE_TOKEN_INVALID' } })
    expect(fake.requests.map((r) => r.path)).toEqual(['/user/tokens/verify'])
    expect(result?.message).toContain('Cloudflare rejected the API token')
    expect(result?.message).not.toContain(fake.token)
  })
})
