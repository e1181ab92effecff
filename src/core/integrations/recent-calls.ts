/**
 * The last calls of one source for the card's table: a fixed-size ring, so a source called every few seconds for
 * weeks holds the same memory as one called once.
 */
import { RECENT_CALLS_MAX, type CallOutcome, type IntegrationCallStatus } from '../../shared/integration-status.js'
import type { BreakerCallRecord, CallResult } from './call-result.js'

const OUTCOME: Record<CallResult, CallOutcome> = {
  success: 'ok',
  timeout: 'timeout',
  failure: 'error',
  'not-counted': 'rejected',
  'short-circuit': 'short-circuited',
  cancelled: 'cancelled',
}

export function callOutcome(result: CallResult): CallOutcome {
  return OUTCOME[result]
}

export class RecentCalls {
  private readonly slots: (IntegrationCallStatus | undefined)[]
  /** Index the next call is written to; the newest call sits just before it. */
  private next = 0
  private size = 0

  constructor(readonly capacity: number = RECENT_CALLS_MAX) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer')
    this.slots = new Array<IntegrationCallStatus | undefined>(capacity)
  }

  add(at: number, record: BreakerCallRecord): void {
    this.slots[this.next] = {
      at,
      outcome: callOutcome(record.result),
      latencyMs: record.latencyMs,
      // Only the class travels: the message is already on the card once (lastError) and a list of them adds nothing.
      kind: record.result === 'success' ? null : (record.error?.kind ?? null),
    }
    this.next = (this.next + 1) % this.capacity
    this.size = Math.min(this.size + 1, this.capacity)
  }

  /** Copies, newest first. */
  list(): IntegrationCallStatus[] {
    const out: IntegrationCallStatus[] = []
    for (let i = 1; i <= this.size; i += 1) {
      const call = this.slots[(this.next - i + this.capacity) % this.capacity]
      if (call) out.push({ ...call })
    }
    return out
  }
}
