/** Session cookies, CSRF rotation with its grace period, and fault bookkeeping, on an injected clock. */
import { describe, expect, it } from 'vitest'
import { FaultBook } from '../../../src/simulator/unifi/faults.js'
import { CSRF_GRACE_MS, SessionStore } from '../../../src/simulator/unifi/sessions.js'

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('SessionStore', () => {
  it('finds a session by its JWT or opaque id and refuses a tampered token', () => {
    const store = new SessionStore()
    const session = store.create('admin')
    const jwt = store.jwtFor(session)
    expect(store.find(jwt)).toBe(session)
    expect(store.find(session.id)).toBe(session)
    const [header, payload, signature] = jwt.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
    expect(claims.csrfToken).toBe(session.csrfToken)
    const forged = Buffer.from(JSON.stringify({ ...claims, jti: 'someone-else' })).toString('base64url')
    expect(store.find(`${header}.${forged}.${signature}`)).toBeUndefined()
    expect(store.find(undefined)).toBeUndefined()
  })

  it('expires sessions after two hours', () => {
    const time = clock()
    const store = new SessionStore(time.now)
    const session = store.create('admin')
    time.advance(2 * 3600_000 - 1)
    expect(store.find(session.id)).toBe(session)
    time.advance(1)
    expect(store.find(session.id)).toBeUndefined()
  })

  it('accepts a superseded CSRF token only within the grace period', () => {
    const time = clock()
    const store = new SessionStore(time.now)
    const session = store.create('admin')
    const first = session.csrfToken
    const second = store.rotate(session)
    expect(second).not.toBe(first)
    expect(store.acceptsCsrf(session, second)).toBe(true)
    expect(store.acceptsCsrf(session, first)).toBe(true)
    time.advance(CSRF_GRACE_MS + 1)
    expect(store.acceptsCsrf(session, first)).toBe(false)
    expect(store.acceptsCsrf(session, second)).toBe(true)
    expect(store.acceptsCsrf(session, undefined)).toBe(false)
    expect(store.acceptsCsrf(session, 'made-up')).toBe(false)
  })

  it('forgets dropped sessions', () => {
    const store = new SessionStore()
    const session = store.create('admin')
    store.drop(session)
    expect(store.isLive(session)).toBe(false)
    expect(store.find(store.jwtFor(session))).toBeUndefined()
  })
})

describe('FaultBook', () => {
  it('matches path-scoped faults by substring, and unscoped ones everywhere', () => {
    const book = new FaultBook([{ type: 'slow', delayMs: 5, pathIncludes: 'stat/device' }, { type: 'hang' }])
    expect(book.forPath('slow', '/proxy/network/api/s/default/stat/device')).toMatchObject({ delayMs: 5 })
    expect(book.forPath('slow', '/proxy/network/api/s/default/stat/sta')).toBeUndefined()
    expect(book.forPath('hang', '/anything')).toEqual({ type: 'hang' })
    expect(book.forPath('reset', '/anything')).toBeUndefined()
  })

  it('fires session-expiry once per setFaults call', () => {
    const book = new FaultBook([{ type: 'session-expiry' }])
    expect(book.takeSessionExpiry()).toBe(true)
    expect(book.takeSessionExpiry()).toBe(false)
    book.set([{ type: 'session-expiry' }, { type: 'csrf-required' }])
    expect(book.csrfRequired).toBe(true)
    expect(book.takeSessionExpiry()).toBe(true)
    book.set([])
    expect(book.csrfRequired).toBe(false)
    expect(book.takeSessionExpiry()).toBe(false)
  })
})
