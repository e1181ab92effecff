import { describe, expect, it } from 'vitest'
import { renderReport } from '../../../src/core/pipeline/render-report.js'
import { buildReportModel } from '../../../src/core/report/build-model.js'
import { renderHtml } from '../../../src/core/report/html/render-html.js'
import { renderText } from '../../../src/core/report/text/render-text.js'
import { parseDevice } from '../../../src/core/unifi/parse/device.js'
import { parseLegacyEvent } from '../../../src/core/unifi/parse/events.js'
import { MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../../src/core/unifi/schemas/primitives.js'
import { scrubSecrets, upstreamText } from '../../../src/core/upstream-text.js'
import { reportInput } from './sample-run.js'

const MEGABYTE = 'x'.repeat(1024 * 1024)

describe('controller strings are capped at parse time', () => {
  it('caps a 1 MB device name at the name length and a 1 MB message at the text length, with an ellipsis', () => {
    const device = parseDevice({ mac: '74:ac:b9:00:00:01', name: MEGABYTE, type: 'uap' })
    expect(device?.name).toHaveLength(MAX_NAME_CHARS)
    expect(device?.name.endsWith('…')).toBe(true)
    const event = parseLegacyEvent(
      { key: 'EVT_AP_Lost_Contact', msg: MEGABYTE, ap_name: MEGABYTE },
      'stat/event',
      'event',
    )
    expect(event?.message).toHaveLength(MAX_TEXT_CHARS)
    expect(event?.deviceName).toHaveLength(MAX_NAME_CHARS)
  })
})

describe('renderers are independent', () => {
  const model = buildReportModel(reportInput())

  it('writes the text file when the HTML renderer fails, and the text says so', () => {
    const rendered = renderReport(model, 'both', {
      html: () => {
        throw new RangeError('Maximum call stack size exceeded')
      },
      text: renderText,
    })
    expect(rendered.html).toBeNull()
    expect(rendered.failures).toEqual([
      'The HTML report could not be rendered (Unexpected error: Maximum call stack size exceeded).',
    ])
    expect(rendered.text).toContain('The HTML report could not be rendered')
    expect(rendered.text).toContain('This text report has the same content.')
  })

  it('writes the HTML file when the text renderer fails', () => {
    const rendered = renderReport(model, 'both', {
      html: renderHtml,
      text: () => {
        throw new Error('boom')
      },
    })
    expect(rendered.text).toBeNull()
    expect(rendered.html).toContain('The text report could not be rendered (Unexpected error: boom).')
  })

  it('renders both when both work, with no note', () => {
    const rendered = renderReport(model, 'both')
    expect(rendered.failures).toEqual([])
    expect(rendered.text).toBe(renderText(model))
  })
})

describe('upstream text', () => {
  it('is flattened, scrubbed of the known secrets and credential-shaped text, and cut short', () => {
    const text = upstreamText(`bad\n\tlogin admin:hunter2-secret password=abc123 ${'y'.repeat(1000)}`, [
      'hunter2-secret',
    ])
    expect(text).not.toContain('hunter2-secret')
    expect(text).not.toContain('abc123')
    expect(text).not.toMatch(/[\n\t]/)
    expect(text.length).toBeLessThanOrEqual(200)
  })

  it('scrubs every string of a plain JSON value', () => {
    expect(scrubSecrets({ a: ['x hunter2-secret y'], b: { c: 'hunter2-secret' }, n: 3 }, ['hunter2-secret'])).toEqual({
      a: ['x [redacted] y'],
      b: { c: '[redacted]' },
      n: 3,
    })
  })
})
