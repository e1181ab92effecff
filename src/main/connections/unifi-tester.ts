import { ConfigError, RequestTimeoutError, TlsTrustError } from '../../core/errors.js'
import type { Logger } from '../../core/logger.js'
import type { UnifiExchangeRecord } from '../../core/unifi/session.js'
import { createUnifiClient } from '../../core/unifi/index.js'
import type { UnifiTestResult } from '../../shared/ipc/payloads.js'
import { settingsSchema, type Settings, type UnifiSettings } from '../../shared/settings.js'
import type { ValidInvokeRequest } from '../../shared/ipc/contract.js'
import { unifiTarget } from '../settings/secret-binding.js'

export type UnifiDraft = ValidInvokeRequest<'unifi:test'>

export interface UnifiTesterOptions {
  logger: Logger
  /** Ports probed when the URL has none; tests point this at a loopback simulator. */
  probePorts?: number[]
  /** Upper bound for the whole test (probe, detection, login, site list). */
  budgetMs?: number
  /** Every exchange of the test with the console (the card's last calls). */
  onExchange?: (record: UnifiExchangeRecord) => void
}

/**
 * "Test connection" on a draft: the stored settings with the form's values laid over them (secrets left out of
 * the draft mean "the stored one", but only while the draft keeps the saved origin and trust). Nothing is saved. An untrusted certificate is an answer, not a failure: it
 * carries the presented fingerprint for the trust prompt. Other problems throw the engine's typed errors.
 */
export async function testUnifiDraft(
  stored: Settings,
  draft: UnifiDraft,
  options: UnifiTesterOptions,
): Promise<UnifiTestResult> {
  const settings = draftSettings(stored.unifi, draft)
  const client = createUnifiClient({
    settings,
    logger: options.logger,
    ...(options.probePorts ? { probePorts: options.probePorts } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  })
  const budgetMs = options.budgetMs ?? settings.requestTimeoutMs * 2
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new RequestTimeoutError('The controller did not answer in time.', budgetMs)),
    budgetMs,
  )
  try {
    const info = await client.connect(controller.signal)
    const sites = await client.listSites(controller.signal)
    return {
      outcome: 'connected',
      controller: {
        kind: info.kind,
        baseUrl: info.baseUrl,
        version: info.version,
        hostname: info.hostname,
        authMethod: info.authMethod,
      },
      sites: sites.map((site) => ({ name: site.name, description: site.description })),
      tlsFingerprint: info.tlsFingerprint,
    }
  } catch (error) {
    const untrusted = findTlsTrustError(error)
    if (untrusted) {
      return {
        outcome: 'untrusted-certificate',
        fingerprint: untrusted.presentedFingerprint,
        message: untrusted.message,
      }
    }
    throw error
  } finally {
    clearTimeout(timer)
    await client.close().catch(() => undefined)
  }
}

function draftSettings(stored: UnifiSettings, draft: UnifiDraft): UnifiSettings {
  const target = normalise({
    ...stored,
    url: draft.url,
    site: draft.site ?? stored.site,
    username: draft.username ?? stored.username,
    tlsFingerprint: draft.tlsFingerprint ?? stored.tlsFingerprint,
    password: draft.password,
    apiKey: draft.apiKey,
  })
  // A stored secret goes only to the origin and trust it was saved with; a draft aimed elsewhere brings its own.
  if (unifiTarget(target) !== unifiTarget(stored)) {
    if (target.password === undefined && target.apiKey === undefined) {
      throw new ConfigError(
        'This address or certificate trust differs from the saved one, so the saved password or API key is not sent there. Enter the password or API key to test this connection.',
        ['unifi: enter the password or API key for this address'],
        { code: 'SECRET_NOT_FOR_THIS_ORIGIN' },
      )
    }
    return target
  }
  return {
    ...target,
    password: target.password ?? stored.password,
    apiKey: target.apiKey ?? stored.apiKey,
  }
}

/** The shared schema normalises the draft exactly as saving would (empty → unset, fingerprint format). */
function normalise(merged: UnifiSettings): UnifiSettings {
  const parsed = settingsSchema.safeParse({ unifi: merged })
  if (parsed.success) return parsed.data.unifi
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
  throw new ConfigError(`The connection settings are not valid (${problems.join('; ')}).`, problems)
}

function findTlsTrustError(error: unknown): TlsTrustError | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof TlsTrustError) return current
    current = current.cause
  }
  return null
}
