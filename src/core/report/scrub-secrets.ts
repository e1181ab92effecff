/**
 * Last line of defence for what a run writes: an upstream may echo a secret back (a Cloudflare error quoting
 * the token, a console quoting the login body) and that text travels into outcome messages. Every known
 * secret value — as written, JSON-escaped and HTML-escaped — is replaced before a report or history entry is
 * written.
 */
const MIN_LENGTH = 4
const REDACTED = '[redacted]'

function htmlEscaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
}

export function scrubKnownSecrets(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret.length < MIN_LENGTH) continue
    const forms = new Set([
      secret,
      JSON.stringify(secret).slice(1, -1),
      htmlEscaped(secret),
      encodeURIComponent(secret),
    ])
    for (const form of forms) result = result.split(form).join(REDACTED)
  }
  return result
}
