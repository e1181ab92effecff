/**
 * Live per-integration status for the UI: configuration state, breaker state, last
 * error and success, a rolling window of call results with latency percentiles, the last calls and the state
 * timeline. Every change emits the integration's fresh snapshot; main coalesces those for its IPC push
 * (status-coalescer.ts).
 */
import type {
  IntegrationBreakerStatus,
  IntegrationConfigurationStatus,
  IntegrationControlsStatus,
  IntegrationErrorStatus,
  IntegrationStatusSnapshot,
} from '../../shared/integration-status.js'
import type { BreakerPolicy } from '../../shared/settings.js'
import { HttpStatusError } from '../errors.js'
import type { BreakerCallRecord, CallResult } from './breaker.js'
import { tripReason } from './trip-reason.js'
import { summariseLatencies } from './latency-percentiles.js'
import { RecentCalls } from './recent-calls.js'
import { nextSourceState, type StateChange } from './source-state.js'
import { StateTimeline } from './state-timeline.js'

export type StatusListener = (snapshot: IntegrationStatusSnapshot) => void

export interface StatusStoreOptions {
  now?: () => number
  /** Length of the rolling window for counts and percentiles; default 10 minutes. */
  windowMs?: number
  /** Upper bound of remembered calls per integration, whatever the window. */
  maxSamples?: number
}

interface Sample {
  at: number
  result: CallResult
  latencyMs: number | null
}

interface Entry {
  id: string
  displayName: string
  configuration: IntegrationConfigurationStatus
  breaker: IntegrationBreakerStatus
  lastError: IntegrationErrorStatus | null
  lastSuccessAt: number | null
  lastLatencyMs: number | null
  updatedAt: number
  samples: Sample[]
  controls: IntegrationControlsStatus
  recentCalls: RecentCalls
  timeline: StateTimeline
}

/** The breaker view of an integration that has not run yet. */
export function idleBreakerStatus(policy: BreakerPolicy): IntegrationBreakerStatus {
  return {
    state: 'closed',
    consecutiveFailures: 0,
    failMax: policy.failMax,
    resetTimeoutMs: policy.resetTimeoutMs,
    timeoutMs: policy.timeoutMs,
    openedAt: null,
    nextTrialAt: null,
    trialInFlight: false,
  }
}

export class IntegrationStatusStore {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<StatusListener>()
  private readonly now: () => number
  private readonly windowMs: number
  private readonly maxSamples: number

  constructor(options: StatusStoreOptions = {}) {
    this.now = options.now ?? Date.now
    this.windowMs = options.windowMs ?? 600_000
    this.maxSamples = options.maxSamples ?? 1000
  }

  register(id: string, displayName: string, breaker: IntegrationBreakerStatus): void {
    if (this.entries.has(id)) return
    this.entries.set(id, {
      id,
      displayName,
      configuration: { state: 'not-configured', missing: [] },
      breaker,
      lastError: null,
      lastSuccessAt: null,
      lastLatencyMs: null,
      updatedAt: this.now(),
      samples: [],
      controls: { paused: false, ownPolicy: [], reportsWithoutSection: 0 },
      recentCalls: new RecentCalls(),
      timeline: new StateTimeline({ now: this.now, initial: breaker.state }),
    })
  }

  /** Pause, own policy values, or the count of reports without the source's section. */
  setControls(id: string, controls: Partial<IntegrationControlsStatus>): void {
    const entry = this.entries.get(id)
    if (!entry) return
    const next = { ...entry.controls, ...controls }
    if (sameJson(entry.controls, next)) return
    entry.controls = { ...next, ownPolicy: [...next.ownPolicy] }
    this.changed(entry)
  }

  /** After a report: one more without the source's section, or back to none. */
  recordReport(id: string, hadSection: boolean): void {
    const entry = this.entries.get(id)
    if (!entry) return
    this.setControls(id, { reportsWithoutSection: hadSection ? 0 : entry.controls.reportsWithoutSection + 1 })
  }

  setConfiguration(id: string, configuration: IntegrationConfigurationStatus): void {
    const entry = this.entries.get(id)
    if (!entry || sameJson(entry.configuration, configuration)) return
    entry.configuration = { state: configuration.state, missing: [...configuration.missing] }
    this.changed(entry)
  }

  setBreaker(id: string, breaker: IntegrationBreakerStatus): void {
    const entry = this.entries.get(id)
    if (!entry || sameJson(entry.breaker, breaker)) return
    const previous = entry.breaker
    entry.breaker = { ...breaker }
    this.observe(entry, { previous, next: entry.breaker, call: null, at: this.now() })
    this.changed(entry)
  }

  /** One settled call, with the breaker view right after it. */
  recordCall(id: string, record: BreakerCallRecord, breaker: IntegrationBreakerStatus): void {
    const entry = this.entries.get(id)
    if (!entry) return
    const at = this.now()
    const previous = entry.breaker
    entry.breaker = { ...breaker }
    entry.recentCalls.add(at, record)
    // A cancelled trial is put back by a breaker rebuild that may come after this record: the view here can be a
    // passing "closed" that never was, so a cancelled call says nothing to the timeline.
    if (record.result !== 'cancelled') {
      const call = { result: record.result, kind: record.error?.kind ?? null }
      this.observe(entry, { previous, next: entry.breaker, call, at })
    }
    if (record.result === 'success') entry.lastSuccessAt = at
    if (record.latencyMs !== null && record.result !== 'cancelled') entry.lastLatencyMs = record.latencyMs
    // A refusal is not a new error: the cause that opened the breaker stays visible.
    if (record.error && record.result !== 'short-circuit' && record.result !== 'cancelled') {
      entry.lastError = {
        message: record.error.message,
        kind: record.error.kind,
        counted: record.result === 'failure' || record.result === 'timeout',
        at,
        retryAfterMs: record.error instanceof HttpStatusError ? record.error.retryAfterMs : null,
      }
    }
    if (record.result !== 'cancelled') entry.samples.push({ at, result: record.result, latencyMs: record.latencyMs })
    this.prune(entry, at)
    this.changed(entry)
  }

  snapshot(id: string): IntegrationStatusSnapshot | null {
    const entry = this.entries.get(id)
    return entry ? this.toSnapshot(entry) : null
  }

  snapshots(): IntegrationStatusSnapshot[] {
    return [...this.entries.values()].map((entry) => this.toSnapshot(entry))
  }

  /** Called with the fresh snapshot on every change; returns the unsubscribe function. */
  onChange(listener: StatusListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(entry: Entry): void {
    entry.updatedAt = this.now()
    if (this.listeners.size === 0) return
    const snapshot = this.toSnapshot(entry)
    for (const listener of [...this.listeners]) {
      // A failing subscriber (e.g. a closed window) must not break the run that reported the change.
      try {
        listener(snapshot)
      } catch {
        this.listeners.delete(listener)
      }
    }
  }

  private observe(entry: Entry, change: StateChange): void {
    const transition = nextSourceState(entry.timeline.current, change)
    if (transition) entry.timeline.record(transition.state, transition.cause)
  }

  private prune(entry: Entry, at: number): void {
    const oldest = at - this.windowMs
    let drop = 0
    while (drop < entry.samples.length && (entry.samples[drop]?.at ?? at) < oldest) drop += 1
    drop = Math.max(drop, entry.samples.length - this.maxSamples)
    if (drop > 0) entry.samples.splice(0, drop)
  }

  private toSnapshot(entry: Entry): IntegrationStatusSnapshot {
    const oldest = this.now() - this.windowMs
    const counts: Record<CallResult, number> = {
      success: 0,
      failure: 0,
      timeout: 0,
      'short-circuit': 0,
      'not-counted': 0,
      cancelled: 0,
    }
    const latencies: number[] = []
    for (const sample of entry.samples) {
      if (sample.at < oldest) continue
      counts[sample.result] += 1
      if (sample.latencyMs !== null) latencies.push(sample.latencyMs)
    }
    const lastError = entry.lastError ? { ...entry.lastError } : null
    return {
      id: entry.id,
      displayName: entry.displayName,
      configuration: { state: entry.configuration.state, missing: [...entry.configuration.missing] },
      breaker: { ...entry.breaker },
      lastError,
      lastSuccessAt: entry.lastSuccessAt,
      lastLatencyMs: entry.lastLatencyMs,
      updatedAt: entry.updatedAt,
      window: {
        windowMs: this.windowMs,
        successes: counts.success,
        failures: counts.failure,
        timeouts: counts.timeout,
        shortCircuits: counts['short-circuit'],
        notCounted: counts['not-counted'],
        ...summariseLatencies(latencies),
      },
      trip: tripReason(entry.displayName, entry.breaker, lastError, entry.lastSuccessAt),
      controls: { ...entry.controls, ownPolicy: [...entry.controls.ownPolicy] },
      recentCalls: entry.recentCalls.list(),
      timeline: entry.timeline.view(),
    }
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
