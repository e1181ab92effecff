import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The repository must stand on its own: a fresh clone in an empty folder has nothing beside it. This scans every
// source, test, script and config file for a path that leaves the repository (reference material beside it
// exists only on the maintainers' machines).
const root = path.resolve(import.meta.dirname, '../../..')
const SCANNED_FOLDERS = ['src', 'test', 'scripts', 'bin', 'build', '.ci', 'docs']
const SKIPPED = new Set(['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'coverage'])
// This file holds probe strings of the references it looks for.
const THIS_FILE = path.relative(root, import.meta.filename)
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|ya?ml|md|html|css|sh|txt)$|^run$/

function filesUnder(folder: string): string[] {
  const absolute = path.join(root, folder)
  let entries: string[]
  try {
    entries = readdirSync(absolute)
  } catch {
    return []
  }
  return entries.flatMap((name) => {
    if (SKIPPED.has(name)) return []
    const relative = path.join(folder, name)
    if (statSync(path.join(root, relative)).isDirectory()) return filesUnder(relative)
    return TEXT_FILE.test(name) ? [relative] : []
  })
}

function rootConfigFiles(): string[] {
  return readdirSync(root).filter(
    (name) => statSync(path.join(root, name)).isFile() && TEXT_FILE.test(name) && name !== 'package-lock.json',
  )
}

/** Whether an absolute path lies outside the repository. */
const leavesRepository = (target: string): boolean => path.relative(root, target).startsWith('..')

/**
 * Every reference in `text` (a file at `relativeFile`) to a folder outside the repository: a parent-relative path
 * that leaves it from the file itself (an import that stays inside is fine), a parent-relative path into a
 * `docs`, `fixtures` or `hooks` folder that leaves it from the working directory (how fixtures and docs are read)
 * unless it names a folder of the repository from the file (a Markdown link), an absolute path into the machine's
 * workspace, and a bare citation of the reference folder's documents.
 */
export function outsideReferences(relativeFile: string, text: string): string[] {
  const found: string[] = []
  const fileDir = path.dirname(path.join(root, relativeFile))
  for (const match of text.matchAll(/(?:\.\.\/)+[\w.-]+(\/(?:docs|fixtures|hooks)\b)?/g)) {
    const fromFile = path.resolve(fileDir, match[0])
    const readFromRoot = match[1] !== undefined && leavesRepository(path.resolve(root, match[0]))
    if (leavesRepository(fromFile) || (readFromRoot && !existsSync(fromFile))) found.push(match[0])
  }
  for (const match of text.matchAll(/(?<![\w.-])\/work\/[\w.-]+/g)) found.push(match[0])
  for (const match of text.matchAll(/(?<![\w./-])shared\/(?:docs|fixtures|hooks)\b/g)) found.push(match[0])
  return found
}

// Reference notes the maintainers keep beside the repository. A comment citing one (or a section sign, or an
// issue number) sends the reader somewhere a clone does not have; it must cite docs/ or say the fact itself.
const OUTSIDE_DOCS = [
  'reference-behaviour',
  'unifi-api',
  'cloudflare-api',
  'cybersecure',
  'resilience',
  'posture',
  'peers',
  'toolchain',
  'electron',
  'HELPERS',
]
const OUTSIDE_DOC = new RegExp(`(?<![\\w-])(?:${OUTSIDE_DOCS.join('|')})\\.md\\b`, 'gi')
const ISSUE_NUMBER = /\b(?:issues?|PR|pull request)\s*#\d+|\(#\d+\)/gi
const SECTION_SIGN = /§\s*\d[\d.]*/g

/** Every citation in `text` of a document or issue that is not in the repository. */
export function outsideCitations(text: string): string[] {
  return [OUTSIDE_DOC, ISSUE_NUMBER, SECTION_SIGN].flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]))
}

describe('the repository stands on its own', () => {
  it('finds the kinds of outside reference it guards against, and leaves src/shared imports alone', () => {
    // A folder beside the repository, whatever its name: a clone in an empty folder has nothing there.
    expect(
      outsideReferences('test/unit/x.test.ts', "path.resolve(process.cwd(), '../reference/fixtures/real')"),
    ).toEqual(['../reference/fixtures'])
    expect(outsideReferences('vitest.config.ts', "include: ['../reference/**']")).toEqual(['../reference'])
    expect(outsideReferences('src/core/x.ts', "import { a } from '../../../notes/a.js'")).toEqual(['../../../notes'])
    expect(outsideReferences('.ci/run', 'ls /work/reference/fixtures')).toEqual(['/work/reference'])
    expect(outsideReferences('src/core/x.ts', '// facts in shared/docs/unifi-api.md')).toEqual(['shared/docs'])
    // Inside the repository: imports of src/shared, in-repo docs and fixtures.
    expect(outsideReferences('src/main/ipc/x.ts', "import { a } from '../../shared/ipc.js'")).toEqual([])
    expect(outsideReferences('src/main/x.ts', "import { a } from '../shared/ipc.js'")).toEqual([])
    expect(outsideReferences('docs/architecture.md', 'see [the README](../README.md)')).toEqual([])
    expect(outsideReferences('docs/architecture.md', '[the fixtures](../test/fixtures/real/README.md)')).toEqual([])
    expect(outsideReferences('test/fixtures/x.ts', "'test/fixtures/real'")).toEqual([])
    expect(outsideReferences('test/unit/x.test.ts', "import { a } from '../fixtures/a.js'")).toEqual([])
  })

  it('finds citations of outside documents and issue numbers, and leaves in-repo docs and colours alone', () => {
    expect(outsideCitations('/** Sites (unifi-api.md §11.1): the configured site must match. */')).toEqual([
      'unifi-api.md',
      '§11.1',
    ])
    expect(outsideCitations('// reference-behaviour.md, ../../docs/resilience.md and Cybersecure.md')).toHaveLength(3)
    expect(outsideCitations(' * The CLI (issue #8): commands')).toEqual(['issue #8'])
    expect(outsideCitations("{ title: 'UniFi collection (#4)' }")).toEqual(['(#4)'])
    expect(outsideCitations('// fixed upstream in PR #289')).toEqual(['PR #289'])
    expect(outsideCitations('// see docs/controller-api.md#v2-system-log and docs/architecture.md')).toEqual([])
    expect(outsideCitations('.callout-good { background: #173022; } // rule 4, `foo.md` #1 of the list')).toEqual([])
  })

  it('no source, test or script cites a document or an issue that is not in the repository', () => {
    const files = [...SCANNED_FOLDERS.flatMap(filesUnder), ...rootConfigFiles()].filter((file) => file !== THIS_FILE)
    const offenders = files.flatMap((file) =>
      outsideCitations(readFileSync(path.join(root, file), 'utf8')).map((citation) => `${file}: ${citation}`),
    )
    expect(offenders).toEqual([])
  })

  it('no source, test, script, CI step or config refers to a folder beside the repository', () => {
    const files = [...SCANNED_FOLDERS.flatMap(filesUnder), ...rootConfigFiles()].filter((file) => file !== THIS_FILE)
    expect(files.length).toBeGreaterThan(100)
    const offenders = files.flatMap((file) =>
      outsideReferences(file, readFileSync(path.join(root, file), 'utf8')).map((reference) => `${file}: ${reference}`),
    )
    expect(offenders).toEqual([])
  })
})
