/**
 * Memoised, shareable work for one run. The first caller starts a task; later callers with the same key
 * join it. Each caller waits with its own AbortSignal and may walk away; the task itself is cancelled only
 * when every waiter has left before it finished (then it is forgotten, so a later caller starts afresh).
 */
import { AbortedError, ScannerError, toScannerError } from '../errors.js'

interface Entry {
  promise: Promise<unknown>
  controller: AbortController
  waiters: number
  settled: boolean
}

export interface RunOptions {
  /** Forget the result once settled (login: each re-login is a new task). Default: keep it for the run. */
  forgetWhenSettled?: boolean
}

export class SharedTasks {
  private readonly entries = new Map<string, Entry>()

  run<T>(
    key: string,
    task: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    options: RunOptions = {},
  ): Promise<T> {
    if (signal.aborted) return Promise.reject(abortErrorOf(signal))
    let entry = this.entries.get(key)
    if (entry === undefined) entry = this.start(key, task, options)
    return this.wait(key, entry, signal) as Promise<T>
  }

  /** Cancels the tasks whose key matches, and forgets them (a wave aimed at the wrong site). */
  abortWhere(matches: (key: string) => boolean, reason: ScannerError): void {
    for (const [key, entry] of this.entries) {
      if (!matches(key)) continue
      if (!entry.settled) entry.controller.abort(reason)
      this.entries.delete(key)
    }
  }

  /** Cancels everything still running (client close). */
  abortAll(reason: ScannerError): void {
    for (const entry of this.entries.values()) if (!entry.settled) entry.controller.abort(reason)
    this.entries.clear()
  }

  private start<T>(key: string, task: (signal: AbortSignal) => Promise<T>, options: RunOptions): Entry {
    const controller = new AbortController()
    const entry: Entry = { promise: Promise.resolve(), controller, waiters: 0, settled: false }
    const settle = (): void => {
      entry.settled = true
      if (options.forgetWhenSettled === true && this.entries.get(key) === entry) this.entries.delete(key)
    }
    entry.promise = Promise.resolve()
      .then(() => task(controller.signal))
      .then(
        (value) => {
          settle()
          return value
        },
        (error: unknown) => {
          settle()
          // A task cancelled because everyone left must not be served to the next caller.
          if (controller.signal.aborted && this.entries.get(key) === entry) this.entries.delete(key)
          throw error
        },
      )
    // Waiters may all have left; the task's own rejection must never go unhandled.
    entry.promise.catch(() => undefined)
    this.entries.set(key, entry)
    return entry
  }

  private wait(key: string, entry: Entry, signal: AbortSignal): Promise<unknown> {
    entry.waiters += 1
    return new Promise((resolve, reject) => {
      let gone = false
      const onAbort = (): void => {
        gone = true
        entry.waiters -= 1
        if (entry.waiters === 0 && !entry.settled) {
          entry.controller.abort(new AbortedError('Cancelled: nobody is waiting for this request any more.'))
          if (this.entries.get(key) === entry) this.entries.delete(key)
        }
        reject(abortErrorOf(signal))
      }
      signal.addEventListener('abort', onAbort, { once: true })
      const finish = (): boolean => {
        signal.removeEventListener('abort', onAbort)
        if (gone) return false
        entry.waiters -= 1
        return true
      }
      entry.promise.then(
        (value) => {
          if (finish()) resolve(value)
        },
        (error: unknown) => {
          if (finish()) reject(toScannerError(error))
        },
      )
    })
  }
}

export function abortErrorOf(signal: AbortSignal): ScannerError {
  const reason: unknown = signal.reason
  return reason instanceof ScannerError ? reason : new AbortedError('The operation was cancelled.', { cause: reason })
}
