/**
 * The Cloudflare API client: Bearer-token REST calls with the `{success, errors, messages, result,
 * result_info}` envelope (checked even on HTTP 200), page-based listing that reads every page, and GraphQL
 * POSTs. All HTTP goes through `httpRequest` with the run's dispatcher and AbortSignal. Endpoints and limits:
 * docs/controller-api.md#cloudflare.
 */
import type { Dispatcher } from 'undici'
import type { z } from 'zod'
import { apiBaseUrlProblem } from '../../../shared/url-rules.js'
import { ConfigError, ResponseParseError, type ScannerError } from '../../errors.js'
import {
  describe,
  headerValue,
  httpRequest,
  parseJsonBody,
  parseRetryAfterMs,
  type HttpResponse,
} from '../../http/index.js'
import { graphqlFailure, restFailure } from './api-errors.js'
import {
  envelopeSchema,
  graphqlResponseSchema,
  type GraphqlError,
  type GraphqlResponse,
  type ResultInfo,
} from './schemas.js'

export const DEFAULT_CLOUDFLARE_API_URL = 'https://api.cloudflare.com/client/v4'

export interface CloudflareClientOptions {
  token: string
  /** Base URL including `/client/v4`; defaults to Cloudflare's. */
  apiUrl?: string | undefined
  dispatcher: Dispatcher
  signal: AbortSignal
  /** Per-request deadline; the run's signal is the overall budget. */
  requestTimeoutMs?: number
  now?: () => number
}

export interface CloudflareClient {
  readonly apiUrl: string
  /** GET one REST resource and validate its `result`. */
  get<T>(
    path: string,
    query: Record<string, string>,
    schema: z.ZodType<T>,
  ): Promise<{ result: T; info: ResultInfo | null }>
  /** GET every page of a page-based list. */
  getAllPages<T>(path: string, query: Record<string, string>, itemSchema: z.ZodType<T>, perPage?: number): Promise<T[]>
  /** POST a GraphQL query; `errors` are returned, not thrown (the caller attributes them to aliases). */
  graphql(query: string, variables: Record<string, unknown>): Promise<GraphqlResponse>
}

/** Upper bound on pages so that a misbehaving API cannot loop us forever. */
const MAX_PAGES = 200

export function createCloudflareClient(options: CloudflareClientOptions): CloudflareClient {
  const apiUrl = (options.apiUrl ?? DEFAULT_CLOUDFLARE_API_URL).replace(/\/+$/, '')
  // The settings schema enforces this already; the client checks again because it holds the token.
  const problem = apiBaseUrlProblem(apiUrl)
  if (problem) {
    throw new ConfigError(`The Cloudflare API URL ${problem}.`, [`cloudflare.apiUrl: ${problem}`], {
      code: 'CLOUDFLARE_API_URL_REFUSED',
    })
  }
  const now = options.now ?? Date.now
  const headers = { authorization: `Bearer ${options.token}` }

  const send = (path: string, query: Record<string, string>, json?: unknown): Promise<HttpResponse> => {
    const url = new URL(`${apiUrl}${path}`)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    return httpRequest({
      url: url.toString(),
      method: json === undefined ? 'GET' : 'POST',
      headers,
      json,
      dispatcher: options.dispatcher,
      signal: options.signal,
      timeoutMs: options.requestTimeoutMs ?? 30_000,
    })
  }

  const get = async <T>(path: string, query: Record<string, string>, schema: z.ZodType<T>) => {
    const response = await send(path, query)
    const envelope = readEnvelope(response, now)
    const parsed = schema.safeParse(envelope.result)
    if (!parsed.success) {
      throw new ResponseParseError(
        `Cloudflare answered ${describe(response.url)} with an unexpected result shape (${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') || 'result'}).`,
        { cause: parsed.error },
      )
    }
    return { result: parsed.data, info: envelope.result_info ?? null }
  }

  return {
    apiUrl,
    get,
    async getAllPages<T>(path: string, query: Record<string, string>, itemSchema: z.ZodType<T>, perPage = 50) {
      const items: T[] = []
      const pageSchema = itemSchema.array()
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const { result, info } = await get(
          path,
          { ...query, page: String(page), per_page: String(perPage) },
          pageSchema,
        )
        items.push(...result)
        if (isLastPage(result.length, page, perPage, info, items.length)) break
      }
      return items
    },
    async graphql(query: string, variables: Record<string, unknown>) {
      const response = await send('/graphql', {}, { query, variables })
      if (response.status < 200 || response.status >= 300) throw graphqlStatusFailure(response, now)
      const parsed = graphqlResponseSchema.safeParse(parseJsonBody(response))
      if (!parsed.success) {
        throw new ResponseParseError(`Cloudflare GraphQL answered with an unexpected shape.`, { cause: parsed.error })
      }
      return parsed.data
    },
  }
}

/** Stop at the last page: `total_pages` when present, else `total_count`, else a short or empty page. */
function isLastPage(count: number, page: number, perPage: number, info: ResultInfo | null, seen: number): boolean {
  if (count === 0) return true
  if (info?.total_pages !== undefined) return page >= info.total_pages
  if (info?.total_count !== undefined) return seen >= info.total_count
  return count < perPage
}

function retryAfter(response: HttpResponse, now: () => number): number | null {
  return parseRetryAfterMs(headerValue(response.headers, 'retry-after'), now())
}

function readEnvelope(response: HttpResponse, now: () => number) {
  const ok = response.status >= 200 && response.status < 300
  if (!ok) {
    let messages: z.infer<typeof envelopeSchema>['errors'] = []
    try {
      messages = envelopeSchema.parse(JSON.parse(response.text)).errors ?? []
    } catch {
      // An HTML error page or an empty body: the status alone classifies it.
    }
    throw restFailure(response.status, response.url, messages ?? [], retryAfter(response, now))
  }
  const parsed = envelopeSchema.safeParse(parseJsonBody(response))
  if (!parsed.success) {
    throw new ResponseParseError(`Cloudflare answered ${describe(response.url)} without the usual response envelope.`, {
      cause: parsed.error,
    })
  }
  if (!parsed.data.success) throw restFailure(response.status, response.url, parsed.data.errors ?? [], null)
  return parsed.data
}

/**
 * GraphQL failures come as `{errors:[{message}]}` with 4xx/5xx. A 400/403 carries a message family that tells
 * a permission problem from a plan limit; everything else is classified by status like REST.
 */
function graphqlStatusFailure(response: HttpResponse, now: () => number): ScannerError {
  let errors: GraphqlError[] = []
  try {
    errors = graphqlResponseSchema.parse(JSON.parse(response.text)).errors ?? []
  } catch {
    // Not JSON (an HTML error page): the status alone classifies it.
  }
  const status = response.status
  if ((status === 400 || status === 403) && errors.length > 0) {
    const classified = graphqlFailure(errors, 'Cloudflare analytics')
    if (classified.kind !== 'server') return classified
  }
  const messages = errors.map((e) => ({ message: e.message }))
  return restFailure(status, response.url, messages, retryAfter(response, now))
}
