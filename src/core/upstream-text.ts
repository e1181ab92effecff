/**
 * Text a remote service wrote (a controller's `meta.msg`, a v2 error body, Cloudflare `errors[]`) before it
 * is copied into one of our messages: control characters and runs of whitespace flattened, the run's known
 * secrets and anything shaped like a credential replaced, and the result cut short. A hostile or confused
 * upstream can echo a password or send a megabyte; neither may reach a report, history entry, log or IPC.
 */
import { redactSecrets } from './logger.js'

/** Longest upstream excerpt copied into a message. */
export const UPSTREAM_TEXT_CHARS = 200

// eslint-disable-next-line no-control-regex -- flattening control characters is the purpose of this pattern
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f\s]+/g

export function upstreamText(text: string, secrets: readonly string[] = [], max: number = UPSTREAM_TEXT_CHARS): string {
  // Scrub before cutting: a secret cut in half by the limit would otherwise survive as a prefix.
  const flat = text
    .slice(0, max * 8)
    .replace(CONTROL_OR_SPACE, ' ')
    .trim()
  const clean = redactSecrets(flat, secrets)
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

/** Every string inside a plain JSON value with the known secrets replaced (report model, history entry, run outcome). */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  const usable = secrets.filter((secret) => secret.length >= 4)
  if (usable.length === 0) return value
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') {
      let result = item
      for (const secret of usable) if (result.includes(secret)) result = result.split(secret).join('[redacted]')
      return result
    }
    if (Array.isArray(item)) return item.map(walk)
    if (typeof item === 'object' && item !== null && Object.getPrototypeOf(item) === Object.prototype) {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, walk(entry)]))
    }
    return item
  }
  return walk(value) as T
}
