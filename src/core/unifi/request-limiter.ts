/**
 * The per-console bound on requests in flight. Every HTTP exchange with one controller (login, reads, logout)
 * takes a slot for as long as the console is working on it and gives it back before the body is parsed, so
 * a small console never sees more than `limit` requests at once while parsing overlaps with the next answers.
 *
 * Waiting requests are served by rank, then by arrival: a rank is handed out when a source starts (see
 * `withRank`), and every request of that source — its fallbacks and later pages — keeps it. The sources that
 * started first therefore finish first, and a fallback chain (list/alarm → stat/alarm → system log) moves on
 * in the very next free slot instead of queueing behind reads that began after it.
 *
 * p-limit and p-queue were considered: neither lets a queued call leave on its own AbortSignal without
 * running (p-queue's signal needs its own Promise wrapper per task) nor orders by a rank carried through the
 * async call chain, and each would be a dependency for about fifty lines.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { abortErrorOf } from './shared-tasks.js'

interface Waiter {
  rank: number
  grant(): void
}

const rankStore = new AsyncLocalStorage<number>()

/** Runs `work` (and everything it starts) with `rank`; requests outside any rank queue last. */
export function withRank<T>(rank: number, work: () => T): T {
  return rankStore.run(rank, work)
}

export class RequestLimiter {
  private active = 0
  private drainScheduled = false
  private readonly waiting: Waiter[] = []
  private peak = 0

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`request limit must be ≥ 1 (got ${limit})`)
  }

  /** The most requests that held a slot at the same time. */
  get peakInFlight(): number {
    return this.peak
  }

  /** Runs `exchange` in a slot; a caller that gives up while queued leaves the queue without running. */
  async run<T>(exchange: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.acquire(signal)
    try {
      return await exchange()
    } finally {
      this.release()
    }
  }

  private acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(abortErrorOf(signal))
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        rank: rankStore.getStore() ?? Number.MAX_SAFE_INTEGER,
        grant: () => {
          signal.removeEventListener('abort', onAbort)
          resolve()
        },
      }
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter)
        if (index >= 0) this.waiting.splice(index, 1)
        reject(abortErrorOf(signal))
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.enqueue(waiter)
      this.scheduleDrain()
    })
  }

  private enqueue(waiter: Waiter): void {
    // The queue is short (a few dozen at most): a sorted insert, behind every waiter of the same rank.
    let index = this.waiting.length
    while (index > 0) {
      const before = this.waiting[index - 1]
      if (before === undefined || before.rank <= waiter.rank) break
      index -= 1
    }
    this.waiting.splice(index, 0, waiter)
  }

  private release(): void {
    this.active -= 1
    this.scheduleDrain()
  }

  /**
   * Slots are granted one turn of the event loop later, never on the spot: by then every request started in
   * the same turn is queued (so the wave's first slots go by rank, not by which source got there first), and
   * the source whose answer freed the slot has parsed it and queued its fallback or next page, which then goes
   * out ahead of later ranks. Parsing holds the thread anyway, so the slot would not have been used sooner.
   */
  private scheduleDrain(): void {
    if (this.drainScheduled) return
    this.drainScheduled = true
    setImmediate(() => {
      this.drainScheduled = false
      while (this.active < this.limit) {
        const next = this.waiting.shift()
        if (next === undefined) break
        this.active += 1
        this.peak = Math.max(this.peak, this.active)
        next.grant()
      }
    })
  }
}
