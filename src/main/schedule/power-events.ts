/**
 * Electron's `powerMonitor` → the scheduler: no timer while asleep, one catch-up decision on wake. Typed as
 * the two events it needs, so tests drive it with a plain emitter.
 */
export interface PowerEvents {
  on(event: 'suspend' | 'resume', listener: () => void): unknown
  removeListener(event: 'suspend' | 'resume', listener: () => void): unknown
}

export interface PowerAware {
  suspend(): void
  resume(): Promise<void>
}

export function followPowerEvents(power: PowerEvents, scheduler: PowerAware): () => void {
  const onSuspend = () => scheduler.suspend()
  const onResume = () => void scheduler.resume()
  power.on('suspend', onSuspend)
  power.on('resume', onResume)
  return () => {
    power.removeListener('suspend', onSuspend)
    power.removeListener('resume', onResume)
  }
}
