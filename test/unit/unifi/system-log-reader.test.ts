import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REAL_FIXTURES } from '../../fixtures/real-fixtures.js'
import { readSystemLogEntry, systemLogEntrySchema } from '../../../src/core/unifi/schemas/event.js'

const FIXTURE = path.join(REAL_FIXTURES, 'unifi-mcp/v2/system-log-all.json')

function fixtureEntries(): unknown[] {
  const body = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { data?: unknown[] }
  return body.data ?? []
}

function viaSchema(input: unknown): unknown {
  const parsed = systemLogEntrySchema.safeParse(input)
  return parsed.success ? parsed.data : null
}

describe('readSystemLogEntry (the system-log schema without zod on the hot path)', () => {
  it('reads every recorded system-log entry exactly as the schema does', () => {
    const entries = fixtureEntries()
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) expect(readSystemLogEntry(entry)).toEqual(viaSchema(entry))
  })

  it('converts odd values and rejects non-objects exactly as the schema does', () => {
    const odd: unknown[] = [
      null,
      undefined,
      'text',
      42,
      [],
      [{ id: 'x' }],
      {},
      { id: 12, timestamp: '1700000000000', severity: ' high ', key: '', parameters: [] },
      { timestamp: 'soon', parameters: 'none', message_raw: 7, category: true, title_raw: null },
      { timestamp: 1_700_000_000_000, parameters: { DEVICE: { id: 'aa:bb' } }, extra: { nested: 1 } },
    ]
    for (const input of odd) expect(readSystemLogEntry(input)).toEqual(viaSchema(input))
  })
})
