import { REAL_FIXTURES, readRealFixture } from '../../fixtures/real-fixtures.js'

export { REAL_FIXTURES }

export function realFixture(relative: string): unknown {
  return readRealFixture(relative)
}
