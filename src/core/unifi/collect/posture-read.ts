/**
 * One posture read: an endpoint, its parser, and what becomes of a failure. A refused read (an API key the
 * classic settings endpoints reject, an account without permission, a missing endpoint) becomes an
 * `unavailable` source with the reason, so the checks that need it say "could not check" instead of "ok".
 */
import { AuthError, ScannerError } from '../../errors.js'
import { EndpointUnsupportedError } from '../errors.js'
import type { PostureRead } from '../posture-model.js'
import { Rejections, shortReason, type SourceLog } from '../source-log.js'
import { isFatal } from './context.js'

/** Codes of the auth errors one refused endpoint raises while the rest of the session works. */
const REFUSED_CODES = new Set(['UNIFI_API_KEY_REJECTED', 'UNIFI_SESSION_REJECTED'])

/**
 * An endpoint refused to this API key or account while the session itself stands: the console accepted the
 * login (or the key) for other reads, so only this source is missing.
 */
export function isRefusedEndpoint(error: unknown): boolean {
  return error instanceof AuthError && REFUSED_CODES.has(error.code)
}

export interface Parsed<T> {
  value: T
  count: number
  rejected: number
}

/** Runs `read`, records the attempt under `posture` and turns a non-fatal failure into `unavailable`. */
export async function postureRead<T>(
  log: SourceLog,
  endpoint: string,
  read: () => Promise<Parsed<T>>,
): Promise<PostureRead<T>> {
  try {
    const { value, count, rejected } = await read()
    const rejections = new Rejections()
    for (let i = 0; i < rejected; i += 1) rejections.add('a record that is not an object')
    log.used('posture', endpoint, count, false, null, rejections)
    return { state: 'read', endpoint, value }
  } catch (error) {
    if (isFatal(error) && !isRefusedEndpoint(error)) throw error
    if (error instanceof EndpointUnsupportedError) {
      log.unsupported('posture', endpoint, `${endpoint} is not available on this controller (${error.detail}).`)
      return { state: 'unavailable', endpoint, reason: `${endpoint} is not available on this controller` }
    }
    log.failed('posture', endpoint, error)
    const code = error instanceof ScannerError ? error.code : null
    return { state: 'unavailable', endpoint, reason: refusalReason(endpoint, code, shortReason(error)) }
  }
}

/** Why a posture source could not be read, from its error code and short reason (never upstream text). */
export function refusalReason(endpoint: string, code: string | null, reason: string | null): string {
  if (code === 'UNIFI_API_KEY_REJECTED')
    return `the controller refused ${endpoint} to the API key; a local read-only admin account can read it`
  if (code === 'UNIFI_SESSION_REJECTED' || code === 'UNIFI_NO_PERMISSION') return `the account may not read ${endpoint}`
  if (code === 'UNIFI_ENDPOINT_UNSUPPORTED') return `${endpoint} is not available on this controller`
  return `${endpoint} could not be read (${reason ?? 'failed'})`
}
