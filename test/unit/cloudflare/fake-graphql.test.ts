/** The fake GraphQL API refuses what Cloudflare refuses: undeclared variables, unbounded or too old ranges. */
import { describe, expect, it } from 'vitest'
import { executeGraphql, type GraphqlState } from '../../../src/simulator/cloudflare/graphql-executor.js'
import { createRandom } from '../../../src/simulator/cloudflare/random.js'
import { buildAccount } from '../../../src/simulator/cloudflare/seed-account.js'
import { buildDnsRows, buildFirewallRows } from '../../../src/simulator/cloudflare/seed-traffic.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const random = createRandom(11)
const account = buildAccount(random, NOW)
const state: GraphqlState = {
  zones: account.zones,
  firewallRows: new Map(account.zones.map((z) => [z.id, buildFirewallRows(random, z, NOW)])),
  dnsRows: new Map(account.zones.map((z) => [z.id, buildDnsRows(random, z, NOW)])),
  now: NOW,
  inject: null,
}
const free = account.zones.find((z) => z.plan === 'free')?.id ?? ''

const groups = (filter: string, limit = 10) =>
  `query Q($z: string, $s: Time, $u: Time) { viewer { zones(filter: { zoneTag: $z }) {
     g: firewallEventsAdaptiveGroups(limit: ${limit}, orderBy: [count_DESC], filter: ${filter}) { count dimensions { action } }
  } } }`

describe('fake GraphQL executor', () => {
  const vars = { z: free, s: '2026-03-10T00:00:00Z', u: '2026-03-10T12:00:00Z' }

  it('answers a bounded group query, ordered by count', () => {
    const outcome = executeGraphql({ query: groups('{ datetime_geq: $s, datetime_leq: $u }'), variables: vars }, state)
    expect(outcome.status).toBe(200)
    expect(outcome.body.errors).toBeNull()
    const rows = (outcome.body.data?.['viewer'] as { zones: { g: { count: number }[] }[] }).zones[0]?.g ?? []
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.map((r) => r.count)).toEqual([...rows.map((r) => r.count)].sort((a, b) => b - a))
  })

  it('refuses an undeclared variable with HTTP 400', () => {
    const outcome = executeGraphql(
      { query: groups('{ datetime_geq: $since, datetime_leq: $u }'), variables: vars },
      state,
    )
    expect(outcome.status).toBe(400)
    expect(outcome.body.errors?.[0]?.message).toBe('variable "$since" is not defined')
  })

  it('refuses a syntax error and an unknown field with HTTP 400', () => {
    expect(executeGraphql({ query: '{ viewer { zones(filter: {zoneTag: "x"}) { ', variables: {} }, state).status).toBe(
      400,
    )
    const unknown = executeGraphql({ query: '{ viewer { accountsX { x } } }' }, state)
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ message: 'unknown field "accountsX"' }] } })
  })

  it('reports an unbounded, too old or too large query as an error inside HTTP 200', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['{ datetime_geq: $s }', vars, 'a time range filter is required: set both datetime_geq and datetime_leq'],
      [
        '{ datetime_geq: $s, datetime_leq: $u }',
        { ...vars, s: '2026-03-08T00:00:00Z' },
        'cannot request data older than 86400s',
      ],
    ]
    for (const [filter, variables, message] of cases) {
      const outcome = executeGraphql({ query: groups(filter), variables }, state)
      expect(outcome.status).toBe(200)
      expect(outcome.body.errors).toEqual([
        { message, path: ['viewer', 'zones', '0', 'g'], extensions: { timestamp: '2026-03-10T12:00:00.000Z' } },
      ])
    }
    const tooMany = executeGraphql(
      { query: groups('{ datetime_geq: $s, datetime_leq: $u }', 20_000), variables: vars },
      state,
    )
    expect(tooMany.body.errors?.[0]?.message).toBe('limit must be positive number and not greater than 10000')
  })

  it('refuses zones the token cannot read, per alias', () => {
    const outcome = executeGraphql(
      {
        query: 'query Q($a: string) { viewer { x: zones(filter: { zoneTag: $a }) { zoneTag } } }',
        variables: { a: 'nope' },
      },
      state,
    )
    expect(outcome.body).toMatchObject({
      data: { viewer: { x: null } },
      errors: [{ message: 'zones ["nope"] are not authorized', path: ['viewer', 'x'] }],
    })
  })
})
