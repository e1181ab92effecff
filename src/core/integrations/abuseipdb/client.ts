/**
 * The AbuseIPDB API v2 client: `GET {base}/check?ipAddress=…&maxAgeInDays=…` with the `Key` header. Every call
 * goes through `httpRequest` with the run's dispatcher and AbortSignal. Failures become typed errors: a refused
 * key is `auth` (needs the user, never counted by the breaker), 422 is `config` for that one address, 429 is
 * `rate-limited` with the wait from `Retry-After` (counted), 5xx/invalid JSON are outages (counted). The key
 * never appears in a message: AbuseIPDB's own words are scrubbed of it before they are quoted.
 */
import type { Dispatcher } from 'undici'
import { apiBaseUrlProblem } from '../../../shared/url-rules.js'
import { AuthError, ConfigError, HttpStatusError, ResponseParseError, type ScannerError } from '../../errors.js'
import { describe, headerValue, httpRequest, parseRetryAfterMs, type HttpResponse } from '../../http/index.js'
import { formatDuration } from '../../time.js'
import { upstreamText } from '../../upstream-text.js'
import { checkEnvelopeSchema, errorEnvelopeSchema, type CheckData } from './schemas.js'

export const DEFAULT_ABUSEIPDB_API_URL = 'https://api.abuseipdb.com/api/v2'
/** Without `Retry-After` the daily quota resets at midnight UTC at the latest; an hour is a cautious wait. */
const DEFAULT_QUOTA_WAIT_MS = 60 * 60_000

export interface RateLimit {
  limit: number | null
  remaining: number | null
}

export interface CheckAnswer {
  data: CheckData
  rateLimit: RateLimit
}

export interface ReputationClientOptions {
  apiKey: string
  /** Base up to and including `/api/v2`. */
  apiUrl?: string | undefined
  dispatcher: Dispatcher
  signal: AbortSignal
  requestTimeoutMs?: number
  maxAgeInDays?: number
  now?: () => number
}

export interface ReputationClient {
  readonly apiUrl: string
  check(address: string): Promise<CheckAnswer>
}

export class AddressRefusedError extends HttpStatusError {}

export function createReputationClient(options: ReputationClientOptions): ReputationClient {
  const apiUrl = (options.apiUrl ?? DEFAULT_ABUSEIPDB_API_URL).replace(/\/+$/, '')
  // The settings schema refuses such a URL already; the client checks again because it holds the key.
  const problem = apiBaseUrlProblem(apiUrl)
  if (problem) {
    throw new ConfigError(`The AbuseIPDB API URL ${problem}.`, [`API URL: ${problem}`], {
      code: 'ABUSEIPDB_API_URL_REFUSED',
    })
  }
  const now = options.now ?? Date.now
  const secrets = [options.apiKey]
  return {
    apiUrl,
    async check(address) {
      const url = new URL(`${apiUrl}/check`)
      url.searchParams.set('ipAddress', address)
      url.searchParams.set('maxAgeInDays', String(options.maxAgeInDays ?? 90))
      const response = await httpRequest({
        url: url.toString(),
        headers: { key: options.apiKey, accept: 'application/json' },
        dispatcher: options.dispatcher,
        signal: options.signal,
        timeoutMs: options.requestTimeoutMs ?? 10_000,
      })
      const rateLimit = readRateLimit(response)
      if (response.status < 200 || response.status >= 300) throw failure(response, address, secrets, now)
      let body: unknown
      try {
        body = JSON.parse(response.text)
      } catch (error) {
        throw new ResponseParseError(`AbuseIPDB answered ${describe(response.url)} with something that is not JSON.`, {
          cause: error,
        })
      }
      const parsed = checkEnvelopeSchema.safeParse(body)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new ResponseParseError(
          `AbuseIPDB answered ${describe(response.url)} with an unexpected shape (${issue?.message ?? 'invalid'} at ${issue?.path.join('.') || 'data'}).`,
          { cause: parsed.error },
        )
      }
      return { data: parsed.data.data, rateLimit }
    },
  }
}

function numberHeader(response: HttpResponse, name: string): number | null {
  const value = headerValue(response.headers, name)
  if (value === undefined || value.trim() === '') return null
  const number = Number(value)
  return Number.isFinite(number) && number >= 0 ? Math.floor(number) : null
}

export function readRateLimit(response: HttpResponse): RateLimit {
  return {
    limit: numberHeader(response, 'x-ratelimit-limit'),
    remaining: numberHeader(response, 'x-ratelimit-remaining'),
  }
}

/** AbuseIPDB's `errors[].detail`, flattened, scrubbed of the key and cut short. */
function details(response: HttpResponse, secrets: readonly string[]): string {
  try {
    const parsed = errorEnvelopeSchema.safeParse(JSON.parse(response.text))
    if (!parsed.success) return ''
    const text = parsed.data.errors
      .slice(0, 2)
      .map((error) => error.detail ?? '')
      .filter((detail) => detail !== '')
      .join('; ')
    return upstreamText(text, secrets)
  } catch {
    // An HTML error page or an empty body: the status alone classifies it.
    return ''
  }
}

function failure(response: HttpResponse, address: string, secrets: readonly string[], now: () => number): ScannerError {
  const status = response.status
  const detail = details(response, secrets)
  const said = detail ? `: ${detail}` : ''
  const where = describe(response.url)
  if (status === 429) {
    const wait = parseRetryAfterMs(headerValue(response.headers, 'retry-after'), now()) ?? DEFAULT_QUOTA_WAIT_MS
    return new HttpStatusError(
      429,
      response.url,
      `AbuseIPDB quota reached (HTTP 429${said}). AbuseIPDB asks to wait ${formatDuration(wait)} before the next look-up.`,
      wait,
      { code: 'ABUSEIPDB_QUOTA' },
    )
  }
  if (status === 401 || status === 403) {
    return new AuthError(
      `AbuseIPDB refused the API key (HTTP ${status}${said}). Check the key in the AbuseIPDB settings (an APIv2 key from abuseipdb.com → Account → API).`,
      { code: 'ABUSEIPDB_KEY_REFUSED' },
    )
  }
  if (status === 422) {
    return new AddressRefusedError(
      422,
      response.url,
      `AbuseIPDB refused to check ${address} (HTTP 422${said}).`,
      null,
      { kind: 'config', code: 'ABUSEIPDB_ADDRESS_REFUSED' },
    )
  }
  if (status >= 500 || status === 408) {
    return new HttpStatusError(
      status,
      response.url,
      `AbuseIPDB had a server problem (HTTP ${status} from ${where}${said}).`,
    )
  }
  return new HttpStatusError(
    status,
    response.url,
    `AbuseIPDB refused the request (HTTP ${status} from ${where}${said}). Check the AbuseIPDB API URL.`,
    null,
    { kind: 'config', code: 'ABUSEIPDB_REQUEST_REFUSED' },
  )
}
