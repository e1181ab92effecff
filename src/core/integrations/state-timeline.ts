/**
 * The state changes of one source over the last 24 h, for the card's strip. Memory is bounded twice: entries older
 * than the span are pruned, and at most `maxTransitions` are kept whatever the span (a flapping source can change
 * state every few seconds). What is dropped is not forgotten entirely: its state becomes the state the strip
 * starts with, so the strip never shows a wrong state, only a shorter history.
 */
import {
  TIMELINE_CAUSE_MAX,
  TIMELINE_MAX_TRANSITIONS,
  TIMELINE_SPAN_MS,
  type IntegrationStateTransition,
  type IntegrationTimelineStatus,
  type SourceState,
} from '../../shared/integration-status.js'

export interface StateTimelineOptions {
  now?: () => number
  spanMs?: number
  maxTransitions?: number
  /** The state the source starts in (before any transition). */
  initial?: SourceState
}

export class StateTimeline {
  private readonly now: () => number
  private readonly spanMs: number
  private readonly maxTransitions: number
  /** Oldest first. An array with shift() is fine at a cap of a few hundred. */
  private readonly transitions: IntegrationStateTransition[] = []
  private from: number
  private fromState: SourceState

  constructor(options: StateTimelineOptions = {}) {
    this.now = options.now ?? Date.now
    this.spanMs = options.spanMs ?? TIMELINE_SPAN_MS
    this.maxTransitions = options.maxTransitions ?? TIMELINE_MAX_TRANSITIONS
    this.from = this.now()
    this.fromState = options.initial ?? 'closed'
  }

  /** The state now: the last transition's, or the starting state. */
  get current(): SourceState {
    return this.transitions.at(-1)?.state ?? this.fromState
  }

  /** Records a change; a "change" to the current state is ignored. Returns whether it was recorded. */
  record(state: SourceState, cause: string): boolean {
    if (state === this.current) return false
    this.transitions.push({ at: this.now(), state, cause: bounded(cause) })
    this.prune()
    return true
  }

  get length(): number {
    return this.transitions.length
  }

  view(): IntegrationTimelineStatus {
    this.prune()
    return {
      from: Math.max(this.from, this.now() - this.spanMs),
      fromState: this.fromState,
      transitions: this.transitions.map((transition) => ({ ...transition })),
    }
  }

  private prune(): void {
    const cutoff = this.now() - this.spanMs
    while (this.transitions.length > 0) {
      const oldest = this.transitions[0]
      if (!oldest || (oldest.at >= cutoff && this.transitions.length <= this.maxTransitions)) break
      this.transitions.shift()
      // From the dropped change until the next one the source was in the dropped change's state.
      this.from = Math.max(oldest.at, cutoff)
      this.fromState = oldest.state
    }
  }
}

function bounded(cause: string): string {
  return cause.length <= TIMELINE_CAUSE_MAX ? cause : `${cause.slice(0, TIMELINE_CAUSE_MAX - 1)}…`
}
