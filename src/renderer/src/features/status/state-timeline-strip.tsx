import { TIMELINE_SPAN_MS as SPAN_MS } from '../../../../shared/integration-status.js'
import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { joinMessage } from '../../../../shared/text/message-parts.js'
import { formatWhen } from '../../lib/format.js'

type Timeline = IntegrationStatus['timeline']
type State = Timeline['fromState']

const WIDTH = 220
const HEIGHT = 12

export const SOURCE_STATE_LABEL: Record<State, string> = {
  closed: 'Closed',
  open: 'Open',
  'half-open': 'Half-open',
  'needs-attention': 'Needs attention',
}

interface Segment {
  start: number
  end: number
  state: State
}

/** Where the strip begins: 24 h ago, or later when less is known (see `from`). */
export function stripOrigin(timeline: Timeline, now: number): number {
  return Math.min(now, Math.max(timeline.from, now - SPAN_MS))
}

/**
 * The spans between changes from the strip's origin to now. A change that lasted no time is skipped, except the
 * current state: it always ends the strip, even when it began this very moment.
 */
export function timelineSegments(timeline: Timeline, now: number): Segment[] {
  const origin = stripOrigin(timeline, now)
  const segments: Segment[] = []
  let at = origin
  let state = timeline.fromState
  for (const transition of timeline.transitions) {
    const end = Math.min(Math.max(transition.at, origin), now)
    if (end > at) segments.push({ start: at, end, state })
    at = Math.max(at, end)
    state = transition.state
  }
  segments.push({ start: at, end: now, state })
  return segments
}

const MIN_SEGMENT_PX = 3

/**
 * Pixel spans of the segments, in time proportion but each at least a few pixels wide, so that changes seconds
 * apart (a trial right after its cool-down) stay visible: laid out from the right, where the latest state is.
 */
export function layoutSegments(
  segments: readonly Segment[],
  origin: number,
  now: number,
  width: number,
): { x: number; width: number }[] {
  const span = Math.max(1, now - origin)
  const min = Math.min(MIN_SEGMENT_PX, width / Math.max(1, segments.length))
  const out: { x: number; width: number }[] = []
  let right = width
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    const segment = segments[i]
    if (!segment) continue
    const end = Math.min(right, ((segment.end - origin) / span) * width)
    const start = Math.max(0, Math.min(((segment.start - origin) / span) * width, end - min))
    out.unshift({ x: start, width: Math.max(0, end - start) })
    right = start
  }
  return out
}

/** "since 7:54:09 PM" when less than 24 h is known, else null. */
function sinceText(timeline: Timeline, now: number): string | null {
  return now - timeline.from < SPAN_MS ? `since ${formatWhen(timeline.from, now)}` : null
}

function summary(timeline: Timeline, now: number): string {
  const count = timeline.transitions.length
  const current = timeline.transitions.at(-1)?.state ?? timeline.fromState
  // Less than 24 h known: the app started watching later, or the oldest changes were dropped at the cap.
  const watched = sinceText(timeline, now) ?? 'over the last 24 h'
  if (count === 0) return `State ${watched}: ${SOURCE_STATE_LABEL[current].toLowerCase()} throughout.`
  const changes = count === 1 ? '1 change' : `${count} changes`
  return `State ${watched}: ${changes}, now ${SOURCE_STATE_LABEL[current].toLowerCase()}. The changes are listed below.`
}

interface StateTimelineStripProps {
  timeline: Timeline
  now: number
  testId: string
}

/**
 * The last 24 h of breaker states (or what is known of them) as one inline SVG bar, no chart library, with its
 * text alternative: a summary as the image's name and every change, with its time and cause, in a list for screen
 * readers.
 */
export function StateTimelineStrip({ timeline, now, testId }: StateTimelineStripProps) {
  const segments = timelineSegments(timeline, now)
  const layout = layoutSegments(segments, stripOrigin(timeline, now), now, WIDTH)
  const since = sinceText(timeline, now)
  const listId = `${testId}-changes`
  return (
    <figure className="state-timeline" data-testid={testId}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={summary(timeline, now)}
        aria-describedby={timeline.transitions.length > 0 ? listId : undefined}
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} rx={3} className="bar-track" />
        {segments.map((segment, index) => (
          <rect
            key={segment.start}
            x={layout[index]?.x ?? 0}
            y={0}
            width={layout[index]?.width ?? 0}
            height={HEIGHT}
            className={`state-${segment.state}`}
          >
            <title>
              {SOURCE_STATE_LABEL[segment.state]} from {formatWhen(segment.start, now)}
              {index === segments.length - 1 ? ' until now' : ` to ${formatWhen(segment.end, now)}`}
            </title>
          </rect>
        ))}
      </svg>
      {timeline.transitions.length > 0 && (
        <ol id={listId} className="visually-hidden" data-testid={listId}>
          {timeline.transitions.map((transition, index) => (
            <li key={`${transition.at}-${index}`}>
              <time dateTime={new Date(transition.at).toISOString()}>{formatWhen(transition.at, now)}</time>
              {joinMessage(`: ${SOURCE_STATE_LABEL[transition.state]}.`, ` ${transition.cause}`)}
            </li>
          ))}
        </ol>
      )}
      {/* Last: a figcaption may only open or close its figure. */}
      <figcaption className="muted small">{since ? `State ${since}` : 'State over the last 24 h'}</figcaption>
    </figure>
  )
}
