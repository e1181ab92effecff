import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EVENT_RAW_KEYS, EVENT_ROLE_FIELDS, slimEventRaw } from '../../../src/core/unifi/event-raw-fields.js'

const ANALYSIS = path.resolve(process.cwd(), 'src/core/analysis')

function analysisSources(dir = ANALYSIS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return analysisSources(full)
    return entry.name.endsWith('.ts') ? [readFileSync(full, 'utf8')] : []
  })
}

function literals(text: string): string[] {
  return [...text.matchAll(/'([A-Za-z_]+)'/g)].map((match) => match[1] ?? '')
}

function readKeys(patterns: RegExp[]): string[] {
  const keys = new Set<string>()
  for (const source of analysisSources()) {
    for (const pattern of patterns)
      for (const match of source.matchAll(pattern)) literals(match[1] ?? '').forEach((k) => keys.add(k))
  }
  return [...keys].sort()
}

describe('EVENT_RAW_FIELDS (what the client keeps of an original event record)', () => {
  it('covers every top-level field the analysis reads from a raw record', () => {
    const keys = readKeys([
      /(?:firstRawText|rawText)\((?:raw|event\.raw|entry\.raw), (\[[^\]]*\])/g,
      /rawNumber\((?:raw|event\.raw|entry\.raw), ('[a-z_]+')/g,
      /raw\[('[a-z_]+')\]/g,
    ])
    expect(keys).toContain('parameters')
    expect(keys).toContain('rssi')
    expect(keys.filter((key) => !EVENT_RAW_KEYS.includes(key))).toEqual([])
  })

  it('covers every field the analysis reads inside a v2 parameters role', () => {
    const fields = readKeys([
      /firstRawText\((?:value|deviceRole|asRecord\(parameters\['[A-Z_]+'\]\) \?\? \{\}), (\[[^\]]*\])/g,
      /roleField\(raw, \[[^\]]*\], ('[a-z_]+')\)/g,
      /role\('[A-Z_]+', ('[a-z_]+')\)/g,
    ])
    expect(fields).toEqual(expect.arrayContaining(['id', 'ip', 'model', 'name']))
    expect(fields.filter((field) => !(EVENT_ROLE_FIELDS as readonly string[]).includes(field))).toEqual([])
  })

  it('keeps the listed fields and each role with its listed fields, and drops the rest', () => {
    const record = {
      id: 'x1',
      category: 'CLIENT_DEVICES',
      site_id: 's',
      event: 'CLIENT_CONNECTED',
      timestamp: 1_700_000_000_000,
      message_raw: '{CLIENT} connected to {AP}',
      ssid: 'Home',
      rssi: '-61',
      parameters: {
        CLIENT: { id: 'aa:bb', name: 'Phone', ip: '10.0.0.2', type: 'CLIENT', oui: 'Apple' },
        AP: { id: 'cc:dd', name: 'Office AP', model: 'U6-Lite', firmware: '6.6' },
        FLAG: true,
      },
    }
    expect(slimEventRaw(record)).toEqual({
      event: 'CLIENT_CONNECTED',
      timestamp: 1_700_000_000_000,
      message_raw: '{CLIENT} connected to {AP}',
      ssid: 'Home',
      rssi: '-61',
      parameters: {
        CLIENT: { id: 'aa:bb', name: 'Phone', ip: '10.0.0.2' },
        AP: { id: 'cc:dd', name: 'Office AP', model: 'U6-Lite' },
        FLAG: true,
      },
    })
    expect(record.parameters.CLIENT.oui).toBe('Apple')
  })

  it('leaves absent fields absent and non-object parameters as sent', () => {
    expect(slimEventRaw({ key: 'EVT_X', parameters: ['odd'] })).toEqual({ parameters: ['odd'] })
    expect(Object.keys(slimEventRaw({ msg: 'm', time: 5 }))).toEqual(['time', 'msg'])
  })
})
