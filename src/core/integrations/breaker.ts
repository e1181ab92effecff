/**
 * One circuit breaker per integration: opossum 9 for the state machine and the
 * per-call timeout, plus what opossum lacks — a consecutive-failure trip, a per-call AbortController that is
 * aborted on timeout (so undici closes the socket), once-per-outage logging, and "retry now".
 */
import CircuitBreaker from 'opossum'
import type { BreakerPolicy } from '../../shared/settings.js'
import type { BreakerState, IntegrationBreakerStatus } from '../../shared/integration-status.js'
import { AbortedError, RequestTimeoutError, ScannerError, countsAsFailure, toScannerError } from '../errors.js'
import type { Logger } from '../logger.js'
import { formatDuration, formatTimeout } from '../time.js'
import { CircuitOpenError, resultFor, type BreakerCallRecord } from './call-result.js'

export { CircuitOpenError, type BreakerCallRecord, type CallResult } from './call-result.js'

export interface IntegrationBreakerOptions<A, T> {
  id: string
  displayName: string
  policy: BreakerPolicy
  /** The guarded work; must pass `signal` to every request. */
  action: (signal: AbortSignal, input: A) => Promise<T>
  logger: Logger
  now?: () => number
  onCall?: (record: BreakerCallRecord) => void
  /** Any change of `view()`: open, half-open, close, trial started, counter changed, policy applied. */
  onStateChange?: () => void
}

interface Call<A> {
  input: A
  parentSignal: AbortSignal | undefined
  /** Created only when the action really starts: a refused call costs no controller and no abort. */
  controller: AbortController | null
  onParentAbort: (() => void) | null
}

/** opossum's `state` option (restore) is missing from @types/opossum 8. */
type BreakerOptions<A> = CircuitBreaker.Options<[Call<A>]> & {
  state?: { enabled: boolean; closed: boolean; halfOpen: boolean }
}

export class IntegrationBreaker<A, T> {
  readonly id: string
  private breaker: CircuitBreaker<[Call<A>], T>
  private policy: BreakerPolicy
  private consecutive = 0
  private lastOpenAt: number | null = null
  private outageStartedAt: number | null = null
  private lastCountedError: ScannerError | null = null
  /** Set when the single half-open trial was cancelled with its run (see onClose). */
  private cancelledTrial = false
  private readonly inFlight = new Set<AbortController>()
  private readonly now: () => number

  constructor(private readonly options: IntegrationBreakerOptions<A, T>) {
    this.id = options.id
    this.policy = { ...options.policy }
    this.now = options.now ?? Date.now
    this.breaker = this.build('closed')
  }

  /**
   * Runs the action through the breaker. Always goes through opossum's fire(), also while open: only that lets
   * the breaker admit its trial after the cool-down. Rejects with a ScannerError (CircuitOpenError when refused).
   */
  async fire(input: A, parentSignal?: AbortSignal): Promise<T> {
    const call: Call<A> = { input, parentSignal, controller: null, onParentAbort: null }
    const startedAt = this.now()
    const trialSlotFree = this.breaker.halfOpen && this.breaker.pendingClose
    try {
      const pending = this.breaker.fire(call)
      if (trialSlotFree) this.notifyState()
      const data = await pending
      this.record({ result: 'success', latencyMs: this.now() - startedAt, error: null })
      return data
    } catch (raw) {
      const error = this.classify(raw)
      // opossum only stops waiting on timeout; aborting our controller makes undici close the socket.
      if (error instanceof RequestTimeoutError) call.controller?.abort(error)
      this.record({
        result: resultFor(error),
        latencyMs: error instanceof CircuitOpenError ? null : this.now() - startedAt,
        error,
      })
      throw error
    } finally {
      this.end(call)
    }
  }

  /** Runs inside opossum when the call is admitted: the per-call controller, linked to the caller's signal. */
  private begin(call: Call<A>): AbortSignal {
    const controller = new AbortController()
    call.controller = controller
    this.inFlight.add(controller)
    const parent = call.parentSignal
    if (parent) {
      call.onParentAbort = () =>
        controller.abort(
          new AbortedError(`${this.options.displayName}: the run was cancelled.`, { cause: parent.reason }),
        )
      if (parent.aborted) call.onParentAbort()
      else parent.addEventListener('abort', call.onParentAbort, { once: true })
    }
    return controller.signal
  }

  private end(call: Call<A>): void {
    if (call.onParentAbort) call.parentSignal?.removeEventListener('abort', call.onParentAbort)
    const controller = call.controller
    if (!controller) return
    this.inFlight.delete(controller)
    // Whatever the action left running (an unawaited request) ends with the call.
    controller.abort(new AbortedError(`${this.options.displayName}: the call has finished.`))
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed'
  }

  view(): IntegrationBreakerStatus {
    const state = this.state
    return {
      state,
      consecutiveFailures: this.consecutive,
      failMax: this.policy.failMax,
      resetTimeoutMs: this.policy.resetTimeoutMs,
      timeoutMs: this.policy.timeoutMs,
      openedAt: state === 'closed' ? null : this.outageStartedAt,
      nextTrialAt: state === 'open' ? this.nextTrialAt() : null,
      trialInFlight: this.breaker.halfOpen && !this.breaker.pendingClose,
    }
  }

  get currentPolicy(): BreakerPolicy {
    return { ...this.policy }
  }

  /** Rebuilds the breaker (closed, counter reset) when the policy differs; calls in flight finish as they are. */
  applyPolicy(policy: BreakerPolicy): boolean {
    const p = this.policy
    if (
      p.failMax === policy.failMax &&
      p.resetTimeoutMs === policy.resetTimeoutMs &&
      p.timeoutMs === policy.timeoutMs
    ) {
      return false
    }
    this.breaker.shutdown()
    this.policy = { ...policy }
    if (this.outageStartedAt !== null) {
      this.options.logger.info(`${this.options.displayName}: breaker settings changed; the next run tries again.`, {
        integration: this.id,
      })
    }
    this.consecutive = 0
    this.lastOpenAt = null
    this.outageStartedAt = null
    this.breaker = this.build('closed')
    this.notifyState()
    return true
  }

  /** Moves an open breaker straight to half-open: the next call is the single trial. False if not open. */
  retryNow(): boolean {
    if (!this.breaker.opened) return false
    this.breaker.shutdown()
    this.breaker = this.build('half-open')
    this.notifyState()
    return true
  }

  private restoreTrial(): void {
    this.breaker.shutdown()
    this.breaker = this.build('half-open')
    this.notifyState()
  }

  /** Aborts calls in flight and stops opossum's timers; later calls reject with AbortedError. */
  shutdown(): void {
    for (const controller of this.inFlight) {
      controller.abort(new AbortedError(`${this.options.displayName}: the integration runtime was closed.`))
    }
    this.inFlight.clear()
    this.breaker.shutdown()
  }

  private nextTrialAt(): number | null {
    return this.lastOpenAt === null ? null : this.lastOpenAt + this.policy.resetTimeoutMs
  }

  private build(initial: 'closed' | 'half-open'): CircuitBreaker<[Call<A>], T> {
    const { timeoutMs, resetTimeoutMs } = this.policy
    // A fresh object per breaker: opossum writes its defaults into it and keeps it by reference.
    const options: BreakerOptions<A> = {
      name: this.id,
      timeout: timeoutMs,
      resetTimeout: resetTimeoutMs,
      // No rate can exceed Infinity (not even opossum's ∞ % window-edge case): only our consecutive shim trips.
      errorThresholdPercentage: Number.POSITIVE_INFINITY,
      volumeThreshold: 0,
      // The window must outlast a call: a call whose fire rotated out of the window before it failed would count as
      // infinitely many failures. Its stats are not used for display.
      rollingCountTimeout: Math.max(600_000, timeoutMs * 2),
      rollingCountBuckets: 10,
      enableSnapshots: false,
      errorFilter: (err: unknown) => {
        const error = this.classify(err)
        // opossum treats a filtered error as a success and would close a half-open breaker on it; a trial that
        // was cancelled with its run says nothing about the upstream, so onClose puts the trial back instead.
        if (error.kind === 'aborted' && this.breaker.halfOpen) this.cancelledTrial = true
        return !countsAsFailure(error)
      },
    }
    if (initial === 'half-open') options.state = { enabled: true, closed: false, halfOpen: true }
    const breaker = new CircuitBreaker<[Call<A>], T>(
      async (call: Call<A>) => this.options.action(this.begin(call), call.input),
      options,
    )
    this.attach(breaker)
    return breaker
  }

  private attach(breaker: CircuitBreaker<[Call<A>], T>): void {
    // opossum runs listeners synchronously inside its own call path: a throw there would turn a success into a
    // failure or become an uncaught exception (seen in opossum 9), so every listener is guarded.
    // A filtered error arrives here as the "result"; a cancelled run says nothing about the upstream.
    breaker.on('success', (result: unknown) =>
      this.guard(() => {
        if (!(result instanceof ScannerError && result.kind === 'aborted')) this.consecutive = 0
      }),
    )
    breaker.on('failure', (err: unknown) =>
      this.guard(() => {
        this.consecutive += 1
        this.lastCountedError = this.classify(err)
        if (this.consecutive >= this.policy.failMax && breaker.closed) breaker.open()
      }),
    )
    breaker.on('open', () => this.guard(() => this.onOpen()))
    breaker.on('halfOpen', () => this.guard(() => this.notifyState()))
    breaker.on('close', () => this.guard(() => this.onClose()))
  }

  private onOpen(): void {
    this.lastOpenAt = this.now()
    // A failed trial re-opens the breaker every cool-down: that is the same outage, logged once.
    if (this.outageStartedAt === null) {
      this.outageStartedAt = this.lastOpenAt
      const next = this.nextTrialAt() ?? this.lastOpenAt
      const reason = this.lastCountedError?.message ?? 'repeated failures'
      this.options.logger.warn(
        `${this.options.displayName}: circuit breaker opened after ${this.consecutive} consecutive failures ` +
          `(last: ${reason}); calls are skipped until the next attempt at ${new Date(next).toISOString()}.`,
        {
          integration: this.id,
          failures: this.consecutive,
          kind: this.lastCountedError?.kind ?? null,
          nextAttemptAt: new Date(next).toISOString(),
        },
      )
    }
    this.notifyState()
  }

  private onClose(): void {
    if (this.cancelledTrial) {
      this.cancelledTrial = false
      // Rebuilt outside opossum's own event dispatch; the outage goes on and the next run is the trial again.
      queueMicrotask(() => this.restoreTrial())
      return
    }
    if (this.outageStartedAt !== null) {
      const outageMs = this.now() - this.outageStartedAt
      this.options.logger.info(
        `${this.options.displayName}: circuit breaker closed, the service answers again (outage lasted ${formatDuration(outageMs)}).`,
        { integration: this.id, outageMs },
      )
    }
    this.outageStartedAt = null
    this.lastOpenAt = null
    this.consecutive = 0
    this.notifyState()
  }

  /** Maps opossum's own errors onto ours; everything else is already (or becomes) a ScannerError. */
  private classify(raw: unknown): ScannerError {
    if (raw instanceof ScannerError) return raw
    if (raw instanceof Error && CircuitBreaker.isOurError(raw)) {
      const code = (raw as Error & { code?: unknown }).code
      const name = this.options.displayName
      if (code === 'ETIMEDOUT') {
        return new RequestTimeoutError(
          `${name} did not finish within ${formatTimeout(this.policy.timeoutMs)}; the call was cancelled.`,
          this.policy.timeoutMs,
          { cause: raw },
        )
      }
      if (code === 'EOPENBREAKER') {
        const next = this.breaker.halfOpen ? null : this.nextTrialAt()
        return new CircuitOpenError(
          `${name} is paused after repeated failures (circuit open); it is tried again automatically.`,
          next,
          this.lastCountedError?.kind ?? 'unreachable',
        )
      }
      if (code === 'ESHUTDOWN') {
        return new AbortedError(`${name}: the integration runtime was closed.`, { cause: raw })
      }
    }
    return toScannerError(raw)
  }

  private record(record: BreakerCallRecord): void {
    this.guard(() => this.options.onCall?.(record))
  }

  private notifyState(): void {
    this.guard(() => this.options.onStateChange?.())
  }

  private guard(fn: () => void): void {
    try {
      fn()
    } catch (error) {
      this.options.logger.error(`${this.options.displayName}: internal error in breaker bookkeeping.`, {
        integration: this.id,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
}
