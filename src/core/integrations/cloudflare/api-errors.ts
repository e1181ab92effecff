/**
 * Turns Cloudflare's failure answers into typed ScannerErrors. The kind decides what the runtime does:
 * `auth` (bad or expired token) and `config` (missing permission, bad request) need the user and never
 * count toward the breaker; 429, 5xx, invalid JSON and unexpected shapes are outages and do.
 */
import { upstreamText } from '../../upstream-text.js'
import { AuthError, HttpStatusError, ScannerError } from '../../errors.js'
import { describe } from '../../http/index.js'
import { formatDuration } from '../../time.js'
import type { ApiMessage, GraphqlError } from './schemas.js'

/** Codes that say the credential itself is missing, malformed, invalid or expired. */
const TOKEN_ERROR_CODES = new Set([1000, 1001, 6003, 6100, 6101, 6102, 6103, 6111, 9103, 9106])
/** Codes that say the (valid) token may not access this resource. */
const AUTH_ERROR_CODES = new Set([9109, 10000])

/** ScannerError code of a token Cloudflare does not accept at all (as opposed to a missing permission). */
export const TOKEN_INVALID = 'CLOUDFLARE_TOKEN_INVALID'

/** Without `Retry-After` Cloudflare's documented penalty is a 5-minute block. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5 * 60_000

export const TOKEN_PERMISSIONS_HINT =
  'The token needs read access: Zone → Zone Read, Zone → Analytics Read and Account → Cloudflare Tunnel Read.'

export function formatApiMessages(messages: readonly ApiMessage[] | null | undefined): string {
  if (!messages || messages.length === 0) return ''
  // Cloudflare's own words: flattened, cut short and scrubbed of anything credential-shaped before we quote them.
  return upstreamText(
    messages
      .slice(0, 3)
      .map((m) => {
        const chain = (m.error_chain ?? []).map((c) => `${c.message ?? 'error'} [${c.code ?? '?'}]`).join('; ')
        const base = `${m.message ?? 'error'}${m.code !== undefined ? ` [code ${m.code}]` : ''}`
        return chain ? `${base} (${chain})` : base
      })
      .join('; '),
    [],
    300,
  )
}

function allCodes(messages: readonly ApiMessage[]): number[] {
  return messages.flatMap((m) => [m.code, ...(m.error_chain ?? []).map((c) => c.code)]).filter(isNumber)
}

function isNumber(value: number | undefined): value is number {
  return typeof value === 'number'
}

/** Extra guidance for the credential mistakes Cloudflare's error codes reveal. */
function credentialHint(codes: number[]): string {
  if (codes.includes(6111)) return 'This looks like a Global API Key. Create an API token instead and enter that.'
  if (codes.includes(6103) || codes.includes(1001)) return 'Send the credential as an API token (Bearer).'
  return `Check the API token in the Cloudflare settings, or create a new one. ${TOKEN_PERMISSIONS_HINT}`
}

/** Maps a REST failure (non-2xx status or `success: false`) onto the right ScannerError. */
export function restFailure(
  status: number,
  url: string,
  messages: readonly ApiMessage[],
  retryAfterMs: number | null,
): ScannerError {
  const detail = formatApiMessages(messages)
  const where = describe(url)
  const suffix = detail ? `: ${detail}` : ''
  if (status === 429) {
    const wait = retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS
    return new HttpStatusError(
      429,
      url,
      `Cloudflare rate limit reached (HTTP 429 from ${where}). Cloudflare asks to wait ${formatDuration(wait)} before the next request.`,
      wait,
      { code: 'CLOUDFLARE_RATE_LIMITED' },
    )
  }
  if (status >= 500 || status === 408) {
    return new HttpStatusError(status, url, `Cloudflare had a server problem (HTTP ${status} from ${where}${suffix}).`)
  }
  const codes = allCodes(messages)
  if (status === 401 || codes.some((code) => TOKEN_ERROR_CODES.has(code))) {
    return new AuthError(
      `Cloudflare rejected the API token (HTTP ${status} from ${where}${suffix}). ${credentialHint(codes)}`,
      { code: TOKEN_INVALID },
    )
  }
  if (status === 403 || codes.some((code) => AUTH_ERROR_CODES.has(code))) {
    return new AuthError(
      `Cloudflare refused access (HTTP ${status} from ${where}${suffix}). The token may lack the permission for this data or not cover this account or zone. ${TOKEN_PERMISSIONS_HINT}`,
      { code: 'CLOUDFLARE_FORBIDDEN' },
    )
  }
  return new HttpStatusError(
    status,
    url,
    `Cloudflare refused the request (HTTP ${status} from ${where}${suffix}). Check the Cloudflare settings (account id, zones, API URL).`,
    null,
    { kind: 'config', code: 'CLOUDFLARE_REQUEST_REFUSED' },
  )
}

/**
 * Classifies GraphQL `errors` (which may arrive with HTTP 200) by their message families, as documented in
 * Cloudflare's GraphQL error reference.
 */
export function graphqlFailure(errors: readonly GraphqlError[], what: string): ScannerError {
  const first = errors[0]?.message ?? 'unknown error'
  const text = upstreamText(
    errors
      .slice(0, 2)
      .map((e) => e.message)
      .join('; '),
  )
  const lower = first.toLowerCase()
  if (lower.startsWith('unauthorized') || lower.includes('authentication')) {
    return new AuthError(`Cloudflare rejected the API token for ${what} (${text}). ${credentialHint([])}`, {
      code: TOKEN_INVALID,
    })
  }
  if (lower.includes('not authorized') || lower.includes('does not have access')) {
    return new ScannerError(
      'config',
      'CLOUDFLARE_PERMISSION',
      `${capitalise(what)} unavailable: the token lacks Zone Analytics Read permission (${text}).`,
    )
  }
  if (lower.includes('rate limit') || lower.includes('budget depleted') || lower.includes('excessive resources')) {
    return new ScannerError(
      'rate-limited',
      'CLOUDFLARE_RATE_LIMITED',
      `Cloudflare rate limit reached for ${what} (${text}).`,
    )
  }
  if (
    lower.startsWith('cannot request data older') ||
    lower.startsWith('query time range is too large') ||
    lower.startsWith('limit must be') ||
    lower.startsWith('number of fields') ||
    lower.startsWith('unknown field') ||
    lower.startsWith('error parsing args')
  ) {
    return new ScannerError(
      'config',
      'CLOUDFLARE_QUERY_REJECTED',
      `Cloudflare rejected the query for ${what} (${text}).`,
    )
  }
  return new ScannerError(
    'server',
    'CLOUDFLARE_GRAPHQL_ERROR',
    `Cloudflare could not answer the query for ${what} (${text}).`,
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
