/**
 * Finds the controller and its flavour: `GET /` without following redirects answers 200
 * on UniFi OS and 302 → `/manage` on a classic controller. Anything else is settled by the unauthenticated
 * `GET /api/system` (UniFi OS) or `GET /status` (classic). Ports are tried in order until one answers;
 * a TLS trust problem stops the probe at once because the port is alive and needs a trust decision.
 */
import type { Dispatcher } from 'undici'
import { NetworkError, ScannerError, TlsTrustError } from '../errors.js'
import { headerValue, httpRequest, type HttpResponse } from '../http/index.js'
import type { Logger } from '../logger.js'
import { originOf, type ControllerAddress } from './address.js'
import type { ControllerKind } from './model.js'

export interface DetectedController {
  kind: ControllerKind
  baseUrl: string
  port: number
}

export interface DetectOptions {
  address: ControllerAddress
  probePorts: readonly number[]
  dispatcher: Dispatcher
  timeoutMs: number
  signal: AbortSignal
  logger: Logger
}

export async function detectController(options: DetectOptions): Promise<DetectedController> {
  const ports = options.address.port !== null ? [options.address.port] : options.probePorts
  const failures: { port: number; error: ScannerError }[] = []
  for (const port of ports) {
    const baseUrl = originOf(options.address.host, port)
    try {
      const kind = await detectKind(baseUrl, options)
      options.logger.info('UniFi controller detected', { baseUrl, kind })
      return { kind, baseUrl, port }
    } catch (error) {
      if (!(error instanceof ScannerError) || error instanceof TlsTrustError || error.kind === 'aborted') throw error
      if (options.signal.aborted) throw error
      options.logger.debug('UniFi probe failed', { baseUrl, code: error.code })
      failures.push({ port, error })
    }
  }
  const only = failures.length === 1 ? failures[0] : undefined
  if (only !== undefined) throw only.error
  const tried = failures.map((failure) => `${failure.port} (${failure.error.message})`).join('; ')
  throw new NetworkError(
    `No UniFi controller answered at ${options.address.host} on ports ${ports.join(', ')}: ${tried}. ` +
      'Is the controller running? Common ports: 443 (UniFi OS consoles), 8443 (self-hosted), 11443 (UniFi OS Server). ' +
      'Add the port to the address if it uses another one.',
    { code: 'UNIFI_UNREACHABLE' },
  )
}

async function detectKind(baseUrl: string, options: DetectOptions): Promise<ControllerKind> {
  const root = await probe(`${baseUrl}/`, options)
  if (root.status === 200) return 'unifi-os'
  const location = headerValue(root.headers, 'location') ?? ''
  if (root.status >= 300 && root.status < 400 && /\/manage/.test(location)) return 'classic'
  const system = await probe(`${baseUrl}/api/system`, options)
  if (system.status === 200 && looksLikeJson(system.text)) return 'unifi-os'
  const status = await probe(`${baseUrl}/status`, options)
  if (status.status === 200 && /"meta"\s*:/.test(status.text)) return 'classic'
  throw new ScannerError(
    'config',
    'UNIFI_NOT_DETECTED',
    `${baseUrl} answered, but not like a UniFi Network controller (GET / gave HTTP ${root.status}). ` +
      'Check the address and port.',
  )
}

function probe(url: string, options: DetectOptions): Promise<HttpResponse> {
  return httpRequest({
    url,
    method: 'GET',
    headers: { accept: 'text/html,application/json' },
    dispatcher: options.dispatcher,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  })
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0]
  return first === '{' || first === '['
}
