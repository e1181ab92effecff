import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Links into docs/ must land somewhere: a comment citing `docs/controller-api.md#v2-system-log`, or a markdown
// link between the docs and the README, is only worth something if that file and heading exist.
const root = path.resolve(import.meta.dirname, '../../..')
const SOURCE_FOLDERS = ['src', 'test', 'scripts']
const SKIPPED = new Set(['node_modules', 'out', 'fixtures'])
// This file holds probe links to files that do not exist.
const THIS_FILE = path.relative(root, import.meta.filename)

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line)
    if (heading?.[1] !== undefined) anchors.add(headingSlug(heading[1]))
  }
  return anchors
}

/** Why a link from `fromFile` to `target` (`path`, `path#anchor` or `#anchor`) leads nowhere, or null. */
export function brokenLink(fromFile: string, target: string, read: (file: string) => string | null): string | null {
  const [file = '', anchor] = target.split('#', 2)
  const resolved = file === '' ? fromFile : path.join(path.dirname(fromFile), file)
  const text = read(resolved)
  if (text === null) return `${target}: ${resolved} does not exist`
  if (anchor === undefined || anchor === '' || !resolved.endsWith('.md')) return null
  return anchorsOf(text).has(anchor) ? null : `${target}: no heading "${anchor}" in ${resolved}`
}

function readInRepo(relative: string): string | null {
  const absolute = path.join(root, relative)
  if (!existsSync(absolute)) return null
  return statSync(absolute).isDirectory() ? '' : readFileSync(absolute, 'utf8')
}

function filesUnder(folder: string, pattern: RegExp): string[] {
  const absolute = path.join(root, folder)
  if (!existsSync(absolute)) return []
  return readdirSync(absolute).flatMap((name) => {
    if (SKIPPED.has(name)) return []
    const relative = path.join(folder, name)
    if (statSync(path.join(root, relative)).isDirectory()) return filesUnder(relative, pattern)
    return pattern.test(name) ? [relative] : []
  })
}

const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g
const DOCS_CITATION = /(?<![\w/.-])docs\/[\w-]+\.md(?:#[\w-]+)?/g
// A repository path in backticks, e.g. `src/core/unifi/session.ts` or `src/core/unifi/collect/*.ts`.
const REPO_PATH = /`((?:src|test|scripts|docs)\/[^`\s]*)`/g

describe('links into the docs', () => {
  it('computes anchors the way GitHub does and notices a missing file or heading', () => {
    expect(headingSlug('Controller info (sysinfo)')).toBe('controller-info-sysinfo')
    expect(headingSlug('Inside `runReport`')).toBe('inside-runreport')
    expect(headingSlug('Errors, secrets and logs')).toBe('errors-secrets-and-logs')
    const files: Record<string, string> = { 'docs/a.md': '# A\n## TLS trust\n```\n# not a heading\n```\n' }
    const read = (file: string): string | null => files[file] ?? null
    expect(brokenLink('README.md', 'docs/a.md#tls-trust', read)).toBeNull()
    expect(brokenLink('docs/b.md', 'a.md#not-a-heading', read)).toMatch(/no heading/)
    expect(brokenLink('README.md', 'docs/missing.md', read)).toMatch(/does not exist/)
  })

  it('every relative link in the markdown files leads to an existing file and heading', () => {
    const markdown = [
      ...filesUnder('docs', /\.md$/),
      'README.md',
      'DEVELOPERS.md',
      'test/fixtures/real/README.md',
    ].filter((file) => existsSync(path.join(root, file)))
    expect(markdown).toContain('docs/architecture.md')
    const broken = markdown.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(MARKDOWN_LINK)]
        .map((match) => match[1] ?? '')
        .filter((target) => !/^[a-z]+:/i.test(target))
        .map((target) => brokenLink(file, target, readInRepo))
        .filter((problem): problem is string => problem !== null)
        .map((problem) => `${file}: ${problem}`),
    )
    expect(broken).toEqual([])
  })

  it('every docs/… citation in source, tests and scripts leads to an existing file and heading', () => {
    const sources = SOURCE_FOLDERS.flatMap((folder) => filesUnder(folder, /\.(?:[cm]?[jt]sx?)$/)).filter(
      (file) => file !== THIS_FILE,
    )
    expect(sources.length).toBeGreaterThan(100)
    const broken = sources.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(DOCS_CITATION)]
        .map((match) => brokenLink('index.md', match[0], readInRepo))
        .filter((problem): problem is string => problem !== null)
        .map((problem) => `${file}: ${problem}`),
    )
    expect(broken).toEqual([])
  })

  it('every repository path the docs name exists', () => {
    const docs = filesUnder('docs', /\.md$/)
    const missing = docs.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(REPO_PATH)]
        .map((match) => (match[1] ?? '').replace(/\*.*$/, '').replace(/\/$/, ''))
        .filter((named) => !existsSync(path.join(root, named)))
        .map((named) => `${file} names ${named}, which does not exist`),
    )
    expect(missing).toEqual([])
  })
})
