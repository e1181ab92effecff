/**
 * "Test connection" for the settings panel and the CLI `check`: runs the integration's own test outside the
 * breaker (the admin wants an answer now, also while the breaker is open) but within the same time budget.
 */
import type { Dispatcher } from 'undici'
import type { Settings } from '../../shared/settings.js'
import { AbortedError, RequestTimeoutError, toScannerError } from '../errors.js'
import { formatTimeout } from '../time.js'
import type { Logger } from '../logger.js'
import { checkConfiguration, partialMessage } from './configuration.js'
import type { UnifiRunAccess } from '../unifi/run-access.js'
import type { ConnectionTestResult, Integration } from './contract.js'

export interface ConnectionTestOptions {
  settings: Settings
  dispatcher: Dispatcher
  logger: Logger
  now: () => number
  unifi: UnifiRunAccess | null
  signal?: AbortSignal | undefined
  /** The runtime's set of running tests, so `close()` can abort them. */
  inFlight: Set<AbortController>
}

export async function runConnectionTest(
  integration: Integration<unknown>,
  options: ConnectionTestOptions,
): Promise<ConnectionTestResult> {
  const name = integration.displayName
  if (!integration.testConnection) return { ok: false, message: `${name} has no connection test.` }
  const check = checkConfiguration(integration, options.settings)
  if (check.state === 'not-configured') return { ok: false, message: `${name} is not configured.` }
  if (check.state === 'partial') return { ok: false, message: partialMessage(integration, check.missing) }

  const timeoutMs = options.settings.breaker.timeoutMs
  const controller = new AbortController()
  const timer = setTimeout(
    () =>
      controller.abort(
        new RequestTimeoutError(`${name} did not answer within ${formatTimeout(timeoutMs)}.`, timeoutMs),
      ),
    timeoutMs,
  )
  const onParentAbort = (): void => controller.abort(new AbortedError(`${name}: the connection test was cancelled.`))
  if (options.signal?.aborted) onParentAbort()
  else options.signal?.addEventListener('abort', onParentAbort, { once: true })
  options.inFlight.add(controller)
  try {
    // Racing the signal guarantees an answer within the budget even if the test ignores its signal.
    return await Promise.race([
      integration.testConnection({
        signal: controller.signal,
        dispatcher: options.dispatcher,
        logger: options.logger,
        settings: options.settings,
        unifi: options.unifi,
        now: options.now,
      }),
      rejectOnAbort(controller.signal),
    ])
  } catch (error) {
    return { ok: false, message: toScannerError(error).message }
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onParentAbort)
    options.inFlight.delete(controller)
    controller.abort(new AbortedError(`${name}: the connection test has finished.`))
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = (): void => reject(toScannerError(signal.reason))
    if (signal.aborted) fail()
    else signal.addEventListener('abort', fail, { once: true })
  })
}
