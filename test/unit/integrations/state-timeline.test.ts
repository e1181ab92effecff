import { describe, expect, it } from 'vitest'
import { StateTimeline } from '../../../src/core/integrations/state-timeline.js'
import {
  TIMELINE_CAUSE_MAX,
  TIMELINE_MAX_TRANSITIONS,
  TIMELINE_SPAN_MS,
  type SourceState,
} from '../../../src/shared/integration-status.js'

const T0 = Date.UTC(2026, 11, 4, 8, 0, 0)
const HOUR = 3_600_000

function clocked(options: { maxTransitions?: number; spanMs?: number } = {}) {
  let clock = T0
  const timeline = new StateTimeline({ now: () => clock, ...options })
  return { timeline, advance: (ms: number) => (clock += ms), now: () => clock }
}

describe('state timeline', () => {
  it('records changes with time and cause, ignores repeats, starts closed', () => {
    const { timeline, advance } = clocked()
    expect(timeline.current).toBe('closed')
    expect(timeline.record('closed', 'nothing')).toBe(false)
    advance(1000)
    expect(timeline.record('open', 'Opened after 3 of 3 consecutive failures.')).toBe(true)
    expect(timeline.record('open', 'again')).toBe(false)
    expect(timeline.view()).toEqual({
      from: T0,
      fromState: 'closed',
      transitions: [{ at: T0 + 1000, state: 'open', cause: 'Opened after 3 of 3 consecutive failures.' }],
    })
  })

  it('stays within its cap over 10,000 transitions, dropping the oldest', () => {
    const { timeline, advance } = clocked()
    const states: SourceState[] = ['open', 'half-open', 'closed', 'needs-attention']
    for (let i = 0; i < 10_000; i += 1) {
      advance(1000)
      timeline.record(states[i % states.length]!, `change ${i}`)
      expect(timeline.length).toBeLessThanOrEqual(TIMELINE_MAX_TRANSITIONS)
    }
    const view = timeline.view()
    expect(view.transitions).toHaveLength(TIMELINE_MAX_TRANSITIONS)
    // 10,000 s is under 24 h: only the cap dropped entries, the newest 200 are kept in order.
    expect(view.transitions[0]?.cause).toBe('change 9800')
    expect(view.transitions.at(-1)?.cause).toBe('change 9999')
    // The strip starts at the last dropped change, in its state, so it never shows a wrong state.
    expect(view.from).toBe(T0 + 9800 * 1000)
    expect(view.fromState).toBe(states[9799 % 4])
    expect(timeline.current).toBe(states[9999 % 4])
  })

  it('prunes changes older than 24 h by the injected clock', () => {
    const { timeline, advance, now } = clocked()
    timeline.record('open', 'first')
    advance(HOUR)
    timeline.record('half-open', 'second')
    advance(HOUR)
    timeline.record('closed', 'third')
    advance(TIMELINE_SPAN_MS - HOUR - 1)
    // 'first' is 25 h - 1 ms old: gone; 'second' is 24 h - 1 ms old: kept.
    let view = timeline.view()
    expect(view.transitions.map((t) => t.cause)).toEqual(['second', 'third'])
    expect(view.fromState).toBe('open')
    expect(view.from).toBe(now() - TIMELINE_SPAN_MS)
    advance(2 * HOUR)
    view = timeline.view()
    expect(view.transitions).toEqual([])
    expect(view.fromState).toBe('closed')
    expect(view.from).toBe(now() - TIMELINE_SPAN_MS)
    expect(timeline.current).toBe('closed')
  })

  it('over 10,000 transitions spread over days keeps only the last 24 h, and never more than the cap', () => {
    const { timeline, advance, now } = clocked()
    const minute = 60_000
    for (let i = 0; i < 10_000; i += 1) {
      advance(10 * minute)
      timeline.record(i % 2 === 0 ? 'open' : 'half-open', `change ${i}`)
      expect(timeline.length).toBeLessThanOrEqual(TIMELINE_MAX_TRANSITIONS)
    }
    const view = timeline.view()
    // One change every 10 min: 144 in 24 h (the oldest exactly 24 h old is still inside), under the cap.
    const cutoff = now() - TIMELINE_SPAN_MS
    expect(view.transitions.every((t) => t.at >= cutoff)).toBe(true)
    expect(view.transitions).toHaveLength(145)
    expect(view.transitions[0]?.at).toBe(cutoff)
    expect(view.from).toBe(cutoff)
  })

  it('a source watched for less than 24 h starts where watching started', () => {
    const { timeline, advance } = clocked()
    advance(HOUR)
    expect(timeline.view().from).toBe(T0)
  })

  it('bounds the cause', () => {
    const { timeline } = clocked()
    timeline.record('open', 'x'.repeat(1000))
    expect(timeline.view().transitions[0]?.cause).toHaveLength(TIMELINE_CAUSE_MAX)
  })
})
