/**
 * Session credentials of a password login: cookies from `Set-Cookie` (read by hand, because the
 * `Partitioned` attribute trips some cookie parsers) and the CSRF token, which rotates (`x-csrf-token`
 * or `x-updated-csrf-token` on any response) and must always be the latest one seen.
 */
/** Response headers as undici returns them (`set-cookie` may be one string or a list). */
export type ResponseHeaders = Record<string, string | string[] | undefined>

/** Cookie names that carry a UniFi session. */
export const SESSION_COOKIES = ['TOKEN', 'UOS_TOKEN', 'unifises'] as const

export class CookieJar {
  private readonly cookies = new Map<string, string>()

  /** Stores every cookie the response sets; an empty value or a past expiry deletes it. */
  absorb(headers: ResponseHeaders): void {
    const raw = headers['set-cookie']
    const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';')
      const separator = pair.indexOf('=')
      if (separator <= 0) continue
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const expired = attributes.some((attribute) => {
        const [key = '', attributeValue = ''] = attribute.split('=')
        const lower = key.trim().toLowerCase()
        if (lower === 'max-age') return Number(attributeValue) <= 0
        if (lower === 'expires') return Date.parse(attributeValue) < Date.now()
        return false
      })
      if (value === '' || expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)
  }

  /** The session cookie the login produced, if any. */
  sessionCookie(): { name: string; value: string } | null {
    for (const name of SESSION_COOKIES) {
      const value = this.cookies.get(name)
      if (value !== undefined) return { name, value }
    }
    return null
  }

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  clear(): void {
    this.cookies.clear()
  }
}

/** The newest CSRF token a response carries (`x-updated-csrf-token` is the rotated one). */
export function csrfFromHeaders(headers: ResponseHeaders): string | null {
  for (const name of ['x-updated-csrf-token', 'x-csrf-token']) {
    const value = headers[name]
    const text = Array.isArray(value) ? value[value.length - 1] : value
    if (text !== undefined && text.trim() !== '') return text.trim()
  }
  return null
}

/** The `csrfToken` claim of a UniFi OS session JWT (payload is not verified: we only read our own cookie). */
export function csrfFromJwt(token: string): string | null {
  const payload = token.split('.')[1]
  if (payload === undefined) return null
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof claims === 'object' && claims !== null && 'csrfToken' in claims) {
      const value = claims.csrfToken
      return typeof value === 'string' && value !== '' ? value : null
    }
  } catch {
    return null
  }
  return null
}
