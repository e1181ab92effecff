/**
 * SIGINT/SIGTERM handling for long-running commands: the first signal aborts the returned controller so the
 * current run can stop cleanly (no partial files); the handlers are removed again on dispose.
 */
export interface InterruptSource {
  /** Calls `handler` once on the first SIGINT or SIGTERM; returns a function that removes the listeners. */
  onInterrupt(handler: (signal: NodeJS.Signals) => void): () => void
}

export const processInterrupts: InterruptSource = {
  onInterrupt(handler) {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']
    let fired = false
    const listener = (signal: NodeJS.Signals) => {
      // A second Ctrl+C means "now": stop waiting for the current run to wind down.
      if (fired) process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
      fired = true
      handler(signal)
    }
    for (const signal of signals) process.on(signal, listener)
    return () => {
      for (const signal of signals) process.off(signal, listener)
    }
  },
}

/** An AbortController aborted by the first interrupt; `dispose` detaches the signal handlers. */
export function abortOnInterrupt(source: InterruptSource): {
  signal: AbortSignal
  interrupted: () => NodeJS.Signals | null
  dispose: () => void
} {
  const controller = new AbortController()
  let received: NodeJS.Signals | null = null
  const dispose = source.onInterrupt((signal) => {
    received = signal
    controller.abort()
  })
  return { signal: controller.signal, interrupted: () => received, dispose }
}

/** Resolves after `ms`, or early (without rejecting) when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve()
      return
    }
    // setTimeout overflows above 2^31-1 ms (~24.8 days); monthly cron gaps are longer than that.
    const timer = setTimeout(finish, Math.min(ms, 2_147_483_647))
    function finish() {
      clearTimeout(timer)
      signal.removeEventListener('abort', finish)
      resolve()
    }
    signal.addEventListener('abort', finish, { once: true })
  })
}
