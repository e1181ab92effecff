/**
 * Login sessions of the simulated console. UniFi OS sessions live in a signed JWT cookie whose payload has
 * the `csrfToken` claim; classic sessions in an opaque `unifises` cookie. CSRF tokens can rotate per
 * response. A superseded token stays valid for a short grace period, because requests a client sent
 * concurrently all carry the token that was current when they left; a client that never picks up the
 * new token is refused once the grace period is over.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'

export interface Session {
  id: string
  username: string
  expiresAt: number
  csrfToken: string
  /** Superseded tokens → when they were superseded (epoch ms). */
  retired: Map<string, number>
}

const SESSION_TTL_MS = 2 * 60 * 60 * 1000
const TOKENS_KEPT = 256
/** How long a superseded CSRF token is still accepted. */
export const CSRF_GRACE_MS = 1000

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url')
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  private readonly secret = randomBytes(32)

  constructor(private readonly clock: () => number = Date.now) {}

  create(username: string): Session {
    const csrfToken = randomUUID()
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      username,
      expiresAt: this.clock() + SESSION_TTL_MS,
      csrfToken,
      retired: new Map(),
    }
    this.sessions.set(session.id, session)
    return session
  }

  /** The JWT a UniFi OS console puts in its `TOKEN`/`UOS_TOKEN` cookie. */
  jwtFor(session: Session): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
    const iat = Math.floor(this.clock() / 1000)
    const payload = base64url(
      JSON.stringify({
        userId: randomUUID(),
        passwordRevision: 1735000000,
        isRemembered: true,
        csrfToken: session.csrfToken,
        jti: session.id,
        iat,
        exp: iat + SESSION_TTL_MS / 1000,
      }),
    )
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`
  }

  private sign(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url')
  }

  /** Session for a cookie value (JWT or opaque id); undefined when unknown, forged or expired. */
  find(cookieValue: string | undefined): Session | undefined {
    if (!cookieValue) return undefined
    let id = cookieValue
    const parts = cookieValue.split('.')
    if (parts.length === 3) {
      const [header = '', payload = '', signature = ''] = parts
      const expected = Buffer.from(this.sign(`${header}.${payload}`))
      const given = Buffer.from(signature)
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
      try {
        const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
        id = typeof claims === 'object' && claims !== null && 'jti' in claims ? String(claims.jti) : ''
      } catch {
        return undefined
      }
    }
    const session = this.sessions.get(id)
    if (!session) return undefined
    if (session.expiresAt <= this.clock()) {
      this.sessions.delete(id)
      return undefined
    }
    return session
  }

  /** Whether the session is still logged in (not dropped by logout or an expiry fault). */
  isLive(session: Session): boolean {
    return this.sessions.get(session.id) === session && session.expiresAt > this.clock()
  }

  drop(session: Session): void {
    this.sessions.delete(session.id)
  }

  /** Issues a new CSRF token for the session and returns it. */
  rotate(session: Session): string {
    session.retired.set(session.csrfToken, this.clock())
    if (session.retired.size > TOKENS_KEPT) {
      const oldest = session.retired.keys().next().value
      if (oldest !== undefined) session.retired.delete(oldest)
    }
    session.csrfToken = randomUUID()
    return session.csrfToken
  }

  /** The current token, or one superseded less than CSRF_GRACE_MS ago. */
  acceptsCsrf(session: Session, token: string | undefined): boolean {
    if (!token) return false
    if (token === session.csrfToken) return true
    const retiredAt = session.retired.get(token)
    return retiredAt !== undefined && this.clock() - retiredAt <= CSRF_GRACE_MS
  }

  get size(): number {
    return this.sessions.size
  }
}
