/**
 * The threat-intelligence integration lives in its own folder: the registry is the only file that imports
 * it, and outside it no source file names it (only the registry, the simulator's fake API, tests and docs do).
 * This is the proof that adding an integration takes its folder plus one registry line.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = process.cwd()
const FOLDER = 'src/core/integrations/abuseipdb/'
const REGISTRY = 'src/core/integrations/registry.ts'
/** Where the name may appear outside the folder. */
const ALLOWED = [REGISTRY, 'src/simulator/abuseipdb/']

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

const files = [...sourceFiles('src'), ...sourceFiles('scripts')]

describe('the threat-intelligence integration stays in its folder', () => {
  it('only the registry imports the folder', () => {
    const importers = files.filter((file) => {
      if (file.startsWith(FOLDER)) return false
      const text = readFileSync(path.join(root, file), 'utf8')
      return /from\s+['"][^'"]*integrations\/abuseipdb\/|from\s+['"]\.\/abuseipdb\//.test(text)
    })
    expect(importers).toEqual([REGISTRY])
  })

  it('no source file outside the folder, the registry and the simulator names it', () => {
    const naming = files.filter(
      (file) =>
        !file.startsWith(FOLDER) &&
        !ALLOWED.some((allowed) => file.startsWith(allowed)) &&
        /abuseipdb/i.test(readFileSync(path.join(root, file), 'utf8')),
    )
    expect(naming).toEqual([])
  })

  it('the check can fail: the folder itself names it', () => {
    expect(files.filter((file) => file.startsWith(FOLDER)).length).toBeGreaterThan(5)
    expect(readFileSync(path.join(root, REGISTRY), 'utf8')).toMatch(/abuseipdb/)
  })
})
