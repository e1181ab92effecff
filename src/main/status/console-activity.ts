/**
 * What the UniFi card shows of the console beyond the last contact: the last calls to it, their latency
 * percentiles over the rolling window, and the contacts (reports and tests) of the last 24 h with their result.
 * The console has no breaker (the report's core source is never skipped), so its "timeline" is those contacts.
 * Everything is bounded: a console read every few minutes for months holds the same memory as one read once.
 */
import { HttpStatusError } from '../../core/errors.js'
import { resultFor, type BreakerCallRecord } from '../../core/integrations/call-result.js'
import { summariseLatencies } from '../../core/integrations/latency-percentiles.js'
import { RecentCalls } from '../../core/integrations/recent-calls.js'
import type { UnifiExchangeRecord } from '../../core/unifi/session.js'
import { TIMELINE_MAX_TRANSITIONS, TIMELINE_SPAN_MS } from '../../shared/integration-status.js'
import type { UnifiCard } from '../../shared/ipc/payloads.js'

const WINDOW_MS = 600_000
const MAX_SAMPLES = 1000
/** A contact's cause is the error's class and code, never its message (that is on the card once already). */
const CAUSE_MAX = 200

type Contact = UnifiCard['activity']['contacts'][number]

export class ConsoleActivity {
  private readonly calls = new RecentCalls()
  private readonly samples: Array<{ at: number; latencyMs: number }> = []
  private readonly contacts: Contact[] = []

  constructor(private readonly now: () => number) {}

  /** One exchange with the console, as the session saw it end. */
  exchange(record: UnifiExchangeRecord): void {
    this.calls.add(record.at, callRecord(record))
    if (record.status !== null) this.samples.push({ at: record.at, latencyMs: record.latencyMs })
    this.prune()
  }

  /** A report or a connection test reached (or failed to reach) the console. */
  contact(at: number, connection: Contact['connection'], by: Contact['by'], cause: string | null): void {
    this.contacts.push({ at, connection, by, cause: cause === null ? null : cause.slice(0, CAUSE_MAX) })
    this.prune()
  }

  view(): UnifiCard['activity'] {
    this.prune()
    const now = this.now()
    const inWindow = this.samples.filter((sample) => sample.at >= now - WINDOW_MS)
    return {
      window: {
        windowMs: WINDOW_MS,
        requests: inWindow.length,
        ...summariseLatencies(inWindow.map((sample) => sample.latencyMs)),
      },
      recentCalls: this.calls.list(),
      contacts: this.contacts.map((contact) => ({ ...contact })),
    }
  }

  private prune(): void {
    const now = this.now()
    while (this.samples.length > MAX_SAMPLES || (this.samples[0] && this.samples[0].at < now - WINDOW_MS))
      this.samples.shift()
    while (
      this.contacts.length > TIMELINE_MAX_TRANSITIONS ||
      (this.contacts[0] && this.contacts[0].at < now - TIMELINE_SPAN_MS)
    )
      this.contacts.shift()
  }
}

/** The console's answer in the vocabulary of the cards' call tables: an HTTP error answer is a refusal or a failure. */
function callRecord(record: UnifiExchangeRecord): BreakerCallRecord {
  if (record.error !== null)
    return { result: resultFor(record.error), latencyMs: record.latencyMs, error: record.error }
  if (record.status !== null && record.status >= 400) {
    const error = new HttpStatusError(record.status, '', `HTTP ${record.status}`)
    return { result: resultFor(error), latencyMs: record.latencyMs, error }
  }
  return { result: 'success', latencyMs: record.latencyMs, error: null }
}
