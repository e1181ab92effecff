import { describe, expect, it } from 'vitest'
import { indexAddressNotes } from '../../../src/core/report/address-notes.js'
import { buildReportModel } from '../../../src/core/report/build-model.js'
import { renderHtml } from '../../../src/core/report/html/render-html.js'
import { renderText } from '../../../src/core/report/text/render-text.js'
import { reportInput } from './sample-run.js'

const NOTE = {
  address: '203.0.113.9',
  text: 'NL · AS64500 Example <b>Transit</b> · abuse score 88/100',
  href: 'https://reputation.example/check/203.0.113.9',
}

describe('address notes from integrations', () => {
  it('appear beside the address in the threat sources and under the finding that names it, escaped', () => {
    const model = buildReportModel(reportInput({ addressNotes: [NOTE] }))
    if (!model.threats.available) throw new Error('threats should be available')
    expect(model.threats.external.items[0]?.notes).toEqual([{ text: NOTE.text, href: NOTE.href }])
    const finding = model.findings.severe.items.find((item) => item.title.includes('203.0.113.9'))
    expect(finding?.notes).toEqual([{ text: `203.0.113.9: ${NOTE.text}`, href: NOTE.href }])

    const html = renderHtml(model)
    expect(html).toContain('Example &lt;b&gt;Transit&lt;/b&gt;')
    expect(html).not.toContain('<b>Transit</b>')
    expect(html).toContain(`href="${NOTE.href}"`)
    const text = renderText(model).replace(/\s+/g, ' ')
    expect(text).toContain(`${NOTE.text} (${NOTE.href})`)
  })

  it('without notes the report is exactly as before', () => {
    const plain = reportInput()
    expect(renderHtml(buildReportModel({ ...plain, addressNotes: [] }))).toBe(renderHtml(buildReportModel(plain)))
    expect(renderText(buildReportModel({ ...plain, addressNotes: [] }))).toBe(renderText(buildReportModel(plain)))
  })

  it('keeps only https links and real addresses', () => {
    const index = indexAddressNotes([
      { address: '203.0.113.9', text: 'one', href: 'javascript:alert(1)' },
      { address: '203.0.113.9', text: 'two', href: 'http://plain.example/' },
      { address: 'not-an-address', text: 'three' },
      { address: '198.51.100.1', text: '   ' },
    ])
    expect(index.get('203.0.113.9')).toEqual([
      { text: 'one', href: null },
      { text: 'two', href: null },
    ])
    expect(index.size).toBe(1)
  })
})
