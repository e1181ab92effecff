import { useEffect, useRef, useState } from 'react'
import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { BREAKER_LABEL } from './breaker-countdown.js'

/** What of a card is worth saying aloud when it changes: never the countdown or the counters. */
function spoken(card: IntegrationStatus): string {
  if (card.controls.paused) return `${card.displayName} is paused by you.`
  const state = `${card.displayName}: breaker ${BREAKER_LABEL[card.breaker.state].toLowerCase()}.`
  return card.trip ? `${state} ${card.trip.text}` : state
}

/**
 * One polite live region for the Status tab: a screen reader hears a source open, recover, pause or resume,
 * once per change, without the region repeating every second of a countdown.
 */
export function StatusAnnouncer({ integrations }: { integrations: readonly IntegrationStatus[] }) {
  const previous = useRef<Map<string, string> | null>(null)
  const [message, setMessage] = useState('')

  useEffect(() => {
    const now = new Map(integrations.map((card) => [card.id, spoken(card)]))
    const before = previous.current
    previous.current = now
    // The first picture is what the screen shows on arrival; only changes after it are news.
    if (before === null) return
    const changes = [...now].filter(([id, text]) => before.get(id) !== undefined && before.get(id) !== text)
    if (changes.length > 0) setMessage(changes.map(([, text]) => text).join(' '))
  }, [integrations])

  return (
    <div className="visually-hidden" aria-live="polite" role="status" data-testid="status-announcer">
      {message}
    </div>
  )
}
