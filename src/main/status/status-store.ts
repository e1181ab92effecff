import type { AppStatus } from '../../shared/ipc/payloads.js'
import type { Unsubscribe } from '../../shared/ipc/bridge.js'
import { computeStatus, type StatusFacts } from './compute-status.js'

export type StatusListener = (status: AppStatus) => void

/**
 * Holds the facts behind the app status and tells every subscriber (tray, window push, notifications) about
 * each change, so they can never disagree.
 */
export class StatusStore {
  private facts: StatusFacts
  private status: AppStatus
  private readonly listeners = new Set<StatusListener>()

  constructor(
    initial: StatusFacts,
    private readonly now: () => number = Date.now,
  ) {
    this.facts = initial
    this.status = computeStatus(initial, now())
  }

  get(): AppStatus {
    return this.status
  }

  getFacts(): Readonly<StatusFacts> {
    return this.facts
  }

  update(patch: Partial<StatusFacts>): AppStatus {
    this.facts = { ...this.facts, ...patch }
    this.status = computeStatus(this.facts, this.now())
    for (const listener of [...this.listeners]) listener(this.status)
    return this.status
  }

  subscribe(listener: StatusListener): Unsubscribe {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}
