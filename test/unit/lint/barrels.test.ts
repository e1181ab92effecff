/**
 * Re-exporting `index.ts` files are kept only where code in `src/` imports through them: a barrel nothing
 * uses is a second, drifting list of a folder's public names. Build entry points are not barrels.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const ENTRY_POINTS = new Set(['src/main/index.ts', 'src/preload/index.ts', 'src/cli/index.ts', 'src/bench/index.ts'])

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`
    if (entry.isDirectory()) return sourceFiles(relative)
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : []
  })
}

/** The `src/` files a module's relative imports resolve to (`./x.js` → `x.ts`/`x.tsx`, `./dir/index.js`). */
function importedFiles(file: string, text: string, known: ReadonlySet<string>): string[] {
  const targets: string[] = []
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const spec = match[1] ?? ''
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '')
    for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
      if (known.has(candidate)) targets.push(candidate)
    }
  }
  return targets
}

function unusedBarrels(files: readonly string[], read: (file: string) => string): string[] {
  const known = new Set(files)
  const used = new Set(files.flatMap((file) => importedFiles(file, read(file), known)))
  return files.filter((file) => file.endsWith('/index.ts') && !ENTRY_POINTS.has(file) && !used.has(file))
}

describe('barrel files', () => {
  it('keeps only the index.ts files that src/ imports through', () => {
    const files = sourceFiles('src')
    expect(unusedBarrels(files, (file) => readFileSync(path.join(root, file), 'utf8'))).toEqual([])
  })

  it('notices a barrel nobody imports', () => {
    const files = ['src/core/a/index.ts', 'src/core/a/x.ts', 'src/core/b/index.ts', 'src/core/c.ts']
    const text: Record<string, string> = {
      'src/core/a/index.ts': "export * from './x.js'",
      'src/core/a/x.ts': 'export const x = 1',
      'src/core/b/index.ts': "export * from '../a/x.js'",
      'src/core/c.ts': "import { x } from './a/index.js'",
    }
    expect(unusedBarrels(files, (file) => text[file] ?? '')).toEqual(['src/core/b/index.ts'])
  })
})
