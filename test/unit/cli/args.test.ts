import { describe, expect, it } from 'vitest'
import { parseInteger, parseSince, parseWindowChoice } from '../../../src/cli/args.js'
import { ConfigError } from '../../../src/core/errors.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')

describe('option values', () => {
  it('parses bounded integers', () => {
    expect(parseInteger('--port', '8443', 0, 65535)).toBe(8443)
    for (const bad of ['-1', '1.5', 'abc', '', '65536', '0x10']) {
      expect(() => parseInteger('--port', bad, 0, 65535)).toThrow(ConfigError)
    }
  })

  it('accepts --since only with a timezone and in the past 30 days', () => {
    expect(parseSince('2026-03-10T08:00:00Z', NOW)).toBe(Date.parse('2026-03-10T08:00:00Z'))
    expect(parseSince('2026-03-10T09:00:00+01:00', NOW)).toBe(Date.parse('2026-03-10T08:00:00Z'))
    expect(() => parseSince('2026-03-10T08:00:00', NOW)).toThrow(/with a timezone/)
    expect(() => parseSince('yesterday', NOW)).toThrow(/ISO 8601/)
    expect(() => parseSince('2026-03-11T08:00:00Z', NOW)).toThrow(/future/)
    expect(() => parseSince('2026-01-01T08:00:00Z', NOW)).toThrow(/720 hours/)
  })

  it('takes --hours or --since, not both', () => {
    expect(parseWindowChoice({ hours: '6' }, NOW)).toEqual({ hours: 6 })
    expect(parseWindowChoice({}, NOW)).toEqual({})
    expect(() => parseWindowChoice({ hours: '6', since: '2026-03-10T08:00:00Z' }, NOW)).toThrow(/not both/)
    expect(() => parseWindowChoice({ hours: '721' }, NOW)).toThrow(/1 to 720/)
  })
})
