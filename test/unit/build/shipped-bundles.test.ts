import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

// The build as shipped: `out/` is what `npm run build` writes, and `npm test`, CI and landing build before vitest
// runs. Without an `out/` (a bare `vitest run` on a fresh clone) the checks are skipped, except under CI=true.
const root = path.resolve(import.meta.dirname, '../../..')
const out = path.join(root, 'out')
const built = existsSync(path.join(out, 'main', 'index.js')) && existsSync(path.join(out, 'renderer', 'index.html'))

// What only React's development builds contain: their module names (kept in an unminified bundle) and the
// documentation links of development-only warnings.
const DEVELOPMENT_MARKERS = [
  /react\w*_development\b/,
  /react[\w.-]*\.development\.js/,
  /react\.dev\/link\/(?:warning-keys|rules-of-hooks)/,
  /\bjsxDEVImpl\b/,
]
// An import of React left to Node's resolution: React then picks its build from NODE_ENV at run time.
const EXTERNAL_REACT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'](react(?:-dom)?(?:\/[\w./-]*)?)["']/g

/** Why `code` would not run React's production build, if it would not. */
export function reactBuildProblems(code: string): string[] {
  const problems = [...code.matchAll(EXTERNAL_REACT)].map((match) => `imports ${match[1]} at run time`)
  for (const marker of DEVELOPMENT_MARKERS) if (marker.test(code)) problems.push(`contains ${marker.source}`)
  return problems
}

/** Minified code has long lines; readable code averages well under 100 characters per line. */
export function averageLineLength(code: string): number {
  return code.length / Math.max(1, code.split('\n').length)
}

const MINIFIED_LINE_LENGTH = 500
// The renderer measured 354 KB minified (831 KB before); this leaves room to grow while failing on a lost minifier.
const RENDERER_JS_BUDGET_BYTES = 600_000
// The budget for the whole window as it travels (every file of out/renderer, gzipped one by one): the Trends
// charts are our own SVG (docs/what-changed.md) so that no chart library pushes it over. Measured 119 KB with the
// Trends and Clients screens.
const RENDERER_GZIP_BUDGET_BYTES = 250_000

/** Relative modules `code` imports statically (`import … from "./x.js"`, `export … from`, `import "./x.js"`). */
export function staticRelativeImports(code: string): string[] {
  const found = code.matchAll(/^(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gm)
  return [...found].map((match) => match[1] ?? '')
}

/** Every file `entry` loads before its own body runs: itself and its static relative imports, transitively. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    for (const target of staticRelativeImports(readFileSync(file, 'utf8'))) visit(path.resolve(path.dirname(file), target))
  }
  visit(entry)
  return [...seen]
}

function jsFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.[cm]?js$/.test(name))
    .map((name) => path.join(folder, name))
}

describe('the checks on built bundles', () => {
  it('notice a run-time React import and a development build', () => {
    expect(reactBuildProblems('import { jsx } from "react/jsx-runtime";\nimport x from "react-dom/server";')).toEqual([
      'imports react/jsx-runtime at run time',
      'imports react-dom/server at run time',
    ])
    expect(reactBuildProblems('var require_react_development = __commonJS({});')).toHaveLength(1)
    expect(reactBuildProblems('"https://react.dev/link/warning-keys"')).toHaveLength(1)
    expect(reactBuildProblems('var require_react_production = __commonJS({}); import "./chunks/reactive.js"')).toEqual(
      [],
    )
  })

  it('follow static imports but not dynamic ones', () => {
    const code = 'import { a } from "./chunks/a.js";\nimport "./b.js";\nexport { c } from "../c.js";\nconst d = await import("./d.js");'
    expect(staticRelativeImports(code)).toEqual(['./chunks/a.js', './b.js', '../c.js'])
  })

  it('tell minified code from readable code', () => {
    const readable = Array.from({ length: 50 }, (_, i) => `  const value${i} = compute(${i})`).join('\n')
    expect(averageLineLength(readable)).toBeLessThan(MINIFIED_LINE_LENGTH)
    expect(averageLineLength(`${'a=1;'.repeat(400)}\n${'b=2;'.repeat(400)}`)).toBeGreaterThan(MINIFIED_LINE_LENGTH)
  })
})

describe.skipIf(!built && process.env['CI'] !== 'true')('the build as shipped', () => {
  it('runs React’s production build in the Electron main process, bundled in', () => {
    const files = jsFiles(path.join(out, 'main'))
    expect(files.length).toBeGreaterThan(0)
    const problems = files.flatMap((file) =>
      reactBuildProblems(readFileSync(file, 'utf8')).map((problem) => `${path.relative(root, file)} ${problem}`),
    )
    expect(problems).toEqual([])
  })

  // The CLI and benchmark keep React external and set NODE_ENV in a banner at the top of their entry. That runs
  // before React loads only while nothing the entry imports statically imports React (ESM evaluates static
  // imports before the entry's body); commands and the report renderer must stay behind dynamic imports.
  it.each(['cli', 'bench'])('loads React in the %s bundle only after its NODE_ENV banner has run', (bundle) => {
    const entry = path.join(out, bundle, 'index.js')
    if (bundle === 'bench' && !existsSync(entry)) return
    expect(readFileSync(entry, 'utf8')).toMatch(/^(?:#!.*\n)?process\.env\.NODE_ENV \?\?= "production";/)
    const early = staticGraph(entry).filter((file) => [...readFileSync(file, 'utf8').matchAll(EXTERNAL_REACT)].length > 0)
    expect(early.map((file) => path.relative(root, file))).toEqual([])
  })

  it('ships a minified renderer on React’s production build, within its size budget', () => {
    const files = jsFiles(path.join(out, 'renderer'))
    expect(files.length).toBeGreaterThan(0)
    let total = 0
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
      total += Buffer.byteLength(code)
      expect(averageLineLength(code), path.relative(root, file)).toBeGreaterThan(MINIFIED_LINE_LENGTH)
      expect(reactBuildProblems(code), path.relative(root, file)).toEqual([])
    }
    expect(total).toBeLessThan(RENDERER_JS_BUDGET_BYTES)
  })

  it('keeps the whole renderer (scripts, styles, page) under 250 KB gzipped', () => {
    const folder = path.join(out, 'renderer')
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(folder, name))
      .filter((file) => statSync(file).isFile())
    // The page alone would pass any budget: make sure the scripts and styles were counted.
    expect(files.filter((file) => /\.(?:js|css)$/.test(file)).length).toBeGreaterThanOrEqual(2)
    const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).byteLength, 0)
    expect(gzipped).toBeLessThan(RENDERER_GZIP_BUDGET_BYTES)
  })
})
