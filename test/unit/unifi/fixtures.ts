import { readFileSync } from 'node:fs'
import path from 'node:path'

/** Real recorded payloads beside the repository (see ../shared/fixtures/real/README.md). */
export const REAL_FIXTURES = path.resolve(process.cwd(), '../shared/fixtures/real')

export function realFixture(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(REAL_FIXTURES, relative), 'utf8')) as unknown
}
