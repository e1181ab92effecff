/**
 * "Test connection": verifies the API token. User-owned tokens answer on `/user/tokens/verify`; an
 * account-owned token gets 403 there and must be checked on `/accounts/{id}/tokens/verify` (the account id
 * comes from the settings or, failing that, from a zone the token can read).
 */
import { toScannerError, type ScannerError } from '../../errors.js'
import type { ConnectionTestResult } from '../contract.js'
import type { CloudflareClient } from './client.js'
import { tokenVerifySchema, zoneSchema, type TokenVerifyResult } from './schemas.js'

export async function verifyToken(
  client: CloudflareClient,
  accountId: string | undefined,
): Promise<ConnectionTestResult> {
  try {
    const user = await attemptVerify(client, '/user/tokens/verify')
    if (user.kind === 'verified') return describeToken(user.token, 'user')
    // Only an account-owned token gets 403 on the user endpoint; a rejected token (401) is simply invalid.
    if (user.error.code !== 'CLOUDFLARE_FORBIDDEN') return failed(user.error.message, user.error)
    const account = accountId ?? (await discoverAccountId(client))
    if (account === null) {
      return failed(
        'Cloudflare refused to verify the token as a user token, and no account id is known to verify it as an account token. Enter the account id in the Cloudflare settings.',
        user.error,
      )
    }
    const viaAccount = await attemptVerify(client, `/accounts/${encodeURIComponent(account)}/tokens/verify`)
    if (viaAccount.kind === 'verified') return describeToken(viaAccount.token, 'account')
    return failed(viaAccount.error.message, viaAccount.error)
  } catch (error) {
    const scannerError = toScannerError(error)
    if (scannerError.kind === 'aborted') throw scannerError
    return failed(scannerError.message, scannerError)
  }
}

type VerifyAttempt = { kind: 'verified'; token: TokenVerifyResult } | { kind: 'forbidden'; error: ScannerError }

/** 401/403 (auth kind) means "not valid here"; anything else (network, 5xx) is thrown. */
async function attemptVerify(client: CloudflareClient, path: string): Promise<VerifyAttempt> {
  try {
    const { result } = await client.get(path, {}, tokenVerifySchema)
    return { kind: 'verified', token: result }
  } catch (error) {
    const scannerError = toScannerError(error)
    if (scannerError.kind === 'auth') return { kind: 'forbidden', error: scannerError }
    throw scannerError
  }
}

async function discoverAccountId(client: CloudflareClient): Promise<string | null> {
  try {
    const { result } = await client.get('/zones', { per_page: '5', page: '1' }, zoneSchema.array())
    return result.find((zone) => zone.account?.id)?.account?.id ?? null
  } catch {
    return null
  }
}

function describeToken(token: TokenVerifyResult, owner: 'user' | 'account'): ConnectionTestResult {
  const expires = token.expires_on ? `, expires ${token.expires_on.slice(0, 10)}` : ''
  const details: Record<string, string> = { status: token.status, owner }
  if (token.expires_on) details['expiresOn'] = token.expires_on
  if (token.status === 'active') {
    return { ok: true, message: `Token is valid (active${expires}).`, details }
  }
  return {
    ok: false,
    message: `The token is ${token.status}${expires}. Create a new API token in the Cloudflare dashboard and enter it in the settings.`,
    details,
  }
}

function failed(message: string, error: ScannerError): ConnectionTestResult {
  return { ok: false, message, details: { kind: error.kind, code: error.code } }
}
