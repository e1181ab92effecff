import { describe, expect, it } from 'vitest'
import { EVENT_KINDS, parseEventTable } from '../../../src/simulator/data/event-kinds.js'

describe('event table', () => {
  it('parses every line into a kind with a unique key', () => {
    expect(EVENT_KINDS.length).toBeGreaterThan(80)
    expect(new Set(EVENT_KINDS.map((kind) => kind.key)).size).toBe(EVENT_KINDS.length)
  })

  it('keeps an empty message as empty and refuses values outside the enums', () => {
    const [kind] = parseEventTable('EVT_X_Y | device | lan | UNKNOWN | SOMETHING | LOW | Something |')
    expect(kind).toMatchObject({ key: 'EVT_X_Y', msg: '', title: 'Something' })
    expect(() => parseEventTable('EVT_X_Y | device | lan | MONITORING | SOMETHING | LOW | Something | m')).toThrow(
      /MONITORING/,
    )
    expect(() => parseEventTable('EVT_X_Y | devices | lan | UNKNOWN | SOMETHING | LOW | Something | m')).toThrow(
      /devices/,
    )
    expect(() => parseEventTable('not an event line')).toThrow(/malformed/)
  })
})
