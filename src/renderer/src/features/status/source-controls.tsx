import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { formatDuration } from '../../lib/format.js'

interface SourceControlsProps {
  api: BridgeApi
  card: IntegrationStatus
  /** Opens the Settings tab at this source's fields. */
  onFix?: ((id: string) => void) | undefined
}

const CAUSE_LABEL: Record<NonNullable<IntegrationStatus['trip']>['cause'], string> = {
  outage: 'outage',
  timeout: 'timeout',
  'rate-limit': 'rate limit',
  credentials: 'credentials',
  configuration: 'configuration',
}

/** Why the source is off (the trip in words and class), what the reports lost, and what the admin can do. */
export function SourceTrip({ card }: { card: IntegrationStatus }) {
  const { trip, controls } = card
  const lost = controls.reportsWithoutSection
  return (
    <>
      {controls.paused && (
        <p className="warning-text" data-testid={`card-${card.id}-paused`}>
          <span className="pill pill-paused">Paused by you</span> Not called until you resume it; kept after a restart.
        </p>
      )}
      {trip && (
        <p className="trip" data-testid={`card-${card.id}-trip`}>
          <span className={`pill pill-trip-${trip.cause}`}>{CAUSE_LABEL[trip.cause]}</span> {trip.text}
        </p>
      )}
      {lost > 0 && (
        <p className="small" data-testid={`card-${card.id}-lost`}>
          {lost === 1
            ? `The last report has no ${card.displayName} section.`
            : `The last ${lost} reports have no ${card.displayName} section.`}
        </p>
      )}
    </>
  )
}

/** The source's own policy values, where it has them (the rest follow the global breaker settings). */
export function OwnPolicy({ card }: { card: IntegrationStatus }) {
  const own = card.controls.ownPolicy
  if (own.length === 0) return null
  const { breaker } = card
  const words = own.map((key) =>
    key === 'failMax'
      ? `${breaker.failMax} failures to open`
      : key === 'resetTimeoutMs'
        ? `cool-down ${formatDuration(breaker.resetTimeoutMs)}`
        : `timeout ${formatDuration(breaker.timeoutMs)}`,
  )
  return (
    <p className="muted small" data-testid={`card-${card.id}-own-policy`}>
      Set for this source: {words.join(', ')}; the rest as in Settings → Advanced.
    </p>
  )
}

/** "Pause" / "Resume", and for what retries cannot fix, the way to the settings that can. */
export function SourceControls({ api, card, onFix }: SourceControlsProps) {
  const [note, setNote] = useState<string | null>(null)
  const paused = card.controls.paused
  const fixable =
    card.configuration.state === 'partial' || card.trip?.cause === 'credentials' || card.trip?.cause === 'configuration'

  async function toggle(): Promise<void> {
    setNote(null)
    const result = await api.setIntegrationPaused({ id: card.id, paused: !paused })
    if (!result.ok) setNote(result.error.message)
  }

  return (
    <>
      <button type="button" onClick={() => void toggle()} aria-pressed={paused} data-testid={`card-${card.id}-pause`}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      {fixable && onFix && (
        <button type="button" onClick={() => onFix(card.id)} data-testid={`card-${card.id}-fix`}>
          Fix in Settings
        </button>
      )}
      {note && (
        <span className="error small" role="alert">
          {note}
        </span>
      )}
    </>
  )
}
