import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  listRendererFiles,
  resolveAppRequest,
} from '../../../src/main/security/app-protocol.js'
import { devRendererUrl } from '../../../src/main/app/dev-renderer-url.js'

const known = new Set([
  'index.html',
  'assets/index-BoPLyrRm.js',
  'assets/index-71y489ET.css',
  'assets/logo.svg',
  'assets/font.woff2',
  'assets/notes.txt',
])

describe('resolveAppRequest', () => {
  it.each([
    ['app://renderer/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/index.html?x=1#top', 'index.html', 'text/html; charset=utf-8'],
    ['app://renderer/assets/index-BoPLyrRm.js', 'assets/index-BoPLyrRm.js', 'text/javascript; charset=utf-8'],
    ['app://renderer/assets/index-71y489ET.css', 'assets/index-71y489ET.css', 'text/css; charset=utf-8'],
    ['app://renderer/assets/logo.svg', 'assets/logo.svg', 'image/svg+xml'],
    ['app://renderer/assets/font.woff2', 'assets/font.woff2', 'font/woff2'],
    ['app://renderer/assets/%69ndex-BoPLyrRm.js', 'assets/index-BoPLyrRm.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s (%s)', (url, file, mimeType) => {
    expect(resolveAppRequest(url, known)).toEqual({ ok: true, file, mimeType })
  })

  it.each([
    ['plain traversal', 'app://renderer/../../etc/passwd', 404],
    ['traversal inside the folder', 'app://renderer/assets/../../main/index.js', 404],
    ['encoded dots', 'app://renderer/%2e%2e/%2e%2e/etc/passwd', 404],
    ['encoded slash', 'app://renderer/..%2f..%2fetc%2fpasswd', 403],
    ['encoded backslash', 'app://renderer/assets%5c..%5c..%5cmain%5cindex.js', 403],
    ['double-encoded', 'app://renderer/%252e%252e%252fetc%252fpasswd', 404],
    ['absolute path', 'app://renderer//etc/passwd', 403],
    ['encoded absolute path', 'app://renderer/%2fetc%2fpasswd', 403],
    ['drive path', 'app://renderer/C:/Windows/win.ini', 403],
    ['encoded drive path', 'app://renderer/C%3A%5CWindows%5Cwin.ini', 403],
    ['NUL byte', 'app://renderer/index.html%00.js', 403],
    ['malformed escape', 'app://renderer/%E0%A4%A', 400],
    ['unknown file', 'app://renderer/secret.html', 404],
    ['known file of an unserved type', 'app://renderer/assets/notes.txt', 403],
    ['another host', 'app://other/index.html', 403],
    ['another scheme', 'file:///index.html', 403],
    ['credentials', 'app://user:pw@renderer/index.html', 403],
    ['not a URL', 'index.html', 400],
  ])('refuses %s', (_name, url, status) => {
    const resolved = resolveAppRequest(url, known)
    expect(resolved).toMatchObject({ ok: false, status })
  })
})

describe('app:// handler on a real folder', () => {
  function rendererFolder(): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-renderer-'))
    mkdirSync(path.join(root, 'assets'))
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>')
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(path.join(root, '..', `${path.basename(root)}-outside.html`), 'outside')
    return root
  }

  it('lists the files and serves them with type, CSP and nosniff; everything else is refused', async () => {
    const root = rendererFolder()
    const knownFiles = listRendererFiles(root)
    expect([...knownFiles].sort()).toEqual(['assets/app.js', 'index.html'])
    const refused: string[] = []
    const handler = createAppProtocolHandler({
      root,
      knownFiles,
      readFile: (file) => readFile(file),
      onRefused: (_url, reason) => refused.push(reason),
    })
    const page = await handler(new Request('app://renderer/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('id="root"')
    const script = await handler(new Request('app://renderer/assets/app.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')

    const outside = `app://renderer/..%2f${path.basename(root)}-outside.html`
    expect((await handler(new Request(outside))).status).toBe(403)
    expect((await handler(new Request('app://renderer/assets/other.js'))).status).toBe(404)
    expect((await handler(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    expect(refused).toEqual(['path traversal', 'unknown file'])
  })

  it('answers 404 when a listed file has gone', async () => {
    const root = rendererFolder()
    const handler = createAppProtocolHandler({
      root,
      knownFiles: new Set(['index.html', 'gone.js']),
      readFile: (file) => readFile(file),
    })
    expect((await handler(new Request('app://renderer/gone.js'))).status).toBe(404)
  })

  it('tightens the policy to the app origin: no self, no connections, no framing', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain('script-src app://renderer')
    expect(APP_CONTENT_SECURITY_POLICY).toContain("connect-src 'none'")
    expect(APP_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/'self'|'unsafe-|\*/)
  })
})

describe('devRendererUrl', () => {
  it.each([
    [false, undefined, null],
    [false, '', null],
    [false, 'http://localhost:5173', { url: 'http://localhost:5173/' }],
    [false, 'http://localhost:5173/index.html', { url: 'http://localhost:5173/index.html' }],
    [true, 'http://localhost:5173', { ignored: 'the app is packaged' }],
    [false, 'https://localhost:5173', { ignored: 'not http://localhost' }],
    [false, 'http://127.0.0.1:5173', { ignored: 'not http://localhost' }],
    [false, 'http://localhost.evil.example', { ignored: 'not http://localhost' }],
    [false, 'http://user:pw@localhost:5173', { ignored: 'credentials in the URL' }],
    [false, 'file:///tmp/index.html', { ignored: 'not http://localhost' }],
    [false, 'localhost:5173', { ignored: 'not http://localhost' }],
    [false, 'not a url', { ignored: 'not a URL' }],
  ])('packaged=%s %s → %j', (isPackaged, value, expected) => {
    expect(devRendererUrl(isPackaged, value)).toEqual(expected)
  })
})
