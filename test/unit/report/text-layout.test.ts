import { describe, expect, it } from 'vitest'
import { renderTable } from '../../../src/core/report/text/table.js'
import { wrap } from '../../../src/core/report/text/wrap.js'

describe('text layout', () => {
  it('wraps at 72 columns with indents, breaks over-long words and neutralises control characters', () => {
    const long = `${'word '.repeat(40)}${'x'.repeat(150)}\u001b[31m red`
    const lines = wrap(long, 72, '  - ', '    ')
    expect(lines.every((line) => line.length <= 72)).toBe(true)
    expect(lines[0]!.startsWith('  - word')).toBe(true)
    expect(lines.slice(1).every((line) => line.startsWith('    '))).toBe(true)
    expect(lines.join('')).not.toContain('\u001b')
    expect(lines.join('').replace(/\s/g, '')).toContain('x'.repeat(68))
  })

  it('fits a wide table into 72 columns by wrapping the widest cells', () => {
    const rows = [
      [
        'threats',
        'stat/ips/event',
        'not supported by this controller',
        'Network 10.3 removed the legacy IPS endpoint (404); used traffic-flows instead.',
      ],
      ['events', 'system-log', 'used (250)', ''],
    ]
    const lines = renderTable(['Data', 'Endpoint', 'Result', 'Why'], rows)
    expect(lines.every((line) => line.length <= 72)).toBe(true)
    expect(lines[0]).toMatch(/^Data\s+Endpoint\s+Result\s+Why$/)
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('used traffic-flows instead.')
  })

  it('keeps narrow tables at their natural width', () => {
    expect(renderTable(['A', 'B'], [['1', '22']])).toEqual(['A  B', '-  --', '1  22'])
  })
})
