/**
 * The in-app viewer draws a report in a sandboxed frame that inherits the window's Content-Security-Policy, so
 * both policies (the page's meta tag and the app:// header) must allow exactly the report's own stylesheet by
 * hash. A changed stylesheet without a changed hash would show the report unstyled.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPORT_CSS, REPORT_STYLE_HASH_SOURCE } from '../../../src/core/report/html/styles.js'
import { APP_CONTENT_SECURITY_POLICY } from '../../../src/main/security/app-protocol.js'

const INDEX_HTML = readFileSync(path.resolve(__dirname, '../../../src/renderer/index.html'), 'utf8')

function styleSources(policy: string): string[] {
  const directive = policy.split(';').find((part) => part.trim().startsWith('style-src'))
  return directive?.trim().split(/\s+/).slice(1) ?? []
}

describe("the report's stylesheet hash in the window's policies", () => {
  it('is the SHA-256 of the stylesheet', () => {
    const expected = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`
    expect(REPORT_STYLE_HASH_SOURCE).toBe(expected)
  })

  it("is the only inline style the renderer page's meta policy allows", () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(INDEX_HTML)?.[1] ?? ''
    expect(styleSources(meta)).toEqual(["'self'", REPORT_STYLE_HASH_SOURCE])
  })

  it('is the only inline style the app:// header allows', () => {
    expect(styleSources(APP_CONTENT_SECURITY_POLICY)).toEqual(['app://renderer', REPORT_STYLE_HASH_SOURCE])
  })

  it('covers the one <style> element a rendered report has, and a report has no style attributes', () => {
    // The golden report is the full renderer's output over a model with every section.
    const html = readFileSync(path.resolve(__dirname, '../../golden/report.html.golden'), 'utf8')
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1])
    expect(styles).toEqual([REPORT_CSS])
    expect(html).not.toMatch(/\sstyle="/)
  })
})
