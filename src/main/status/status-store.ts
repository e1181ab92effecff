import type { AppStatus, IntegrationStatus } from '../../shared/ipc/payloads.js'
import type { Unsubscribe } from '../../shared/ipc/bridge.js'
import { computeStatus, type StatusFacts } from './compute-status.js'

export type StatusListener = (status: AppStatus) => void
export type CardListener = (card: IntegrationStatus) => void

/**
 * Holds the facts behind the app status and tells every subscriber (tray, window push, notifications) about
 * each change, so they can never disagree.
 */
export class StatusStore {
  private facts: StatusFacts
  private status: AppStatus
  private readonly listeners = new Set<StatusListener>()
  private readonly cardListeners = new Set<CardListener>()

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

  /**
   * One integration's card changed (the breaker opened, a call finished): card listeners get just that card.
   * Status listeners hear about it only when the overall state, headline or detail changes with it (an open
   * breaker needs attention), so a window is not sent every card again for each call an integration makes.
   */
  updateIntegration(card: IntegrationStatus): AppStatus {
    const before = this.status
    const cards = this.facts.integrations ?? []
    const integrations = cards.some((existing) => existing.id === card.id)
      ? cards.map((existing) => (existing.id === card.id ? card : existing))
      : [...cards, card]
    this.facts = { ...this.facts, integrations }
    this.status = computeStatus(this.facts, this.now())
    for (const listener of [...this.cardListeners]) listener(card)
    if (summaryChanged(before, this.status)) for (const listener of [...this.listeners]) listener(this.status)
    return this.status
  }

  subscribeCards(listener: CardListener): Unsubscribe {
    this.cardListeners.add(listener)
    return () => {
      this.cardListeners.delete(listener)
    }
  }

  subscribe(listener: StatusListener): Unsubscribe {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}

function summaryChanged(before: AppStatus, after: AppStatus): boolean {
  return (
    before.state !== after.state ||
    before.headline !== after.headline ||
    before.detail !== after.detail ||
    before.generateBlockedReason !== after.generateBlockedReason
  )
}
