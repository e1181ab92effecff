// Runs the Playwright suite with the machine's own browser. Without one, a developer's `npm test` still passes the
// rest and says in one line what was skipped; under CI a missing browser is a failure, never a quiet skip.
import { spawnSync } from 'node:child_process'
import { INSTALL_HINT, findBrowser } from './find-browser.mjs'

const browser = findBrowser()
if (browser === null) {
  const isCi = process.env.CI === 'true' || process.env.CI === '1'
  const named = process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable)` : ''
  if (isCi) {
    console.error(
      `browser tests: FAILED, no Chromium or Chrome found${named}; under CI=true they must run: ${INSTALL_HINT}.`,
    )
    process.exit(1)
  }
  console.warn(`browser tests: SKIPPED (test/e2e), no Chromium or Chrome found${named}: ${INSTALL_HINT}.`)
  process.exit(0)
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
  shell: process.platform === 'win32',
})
process.exit(result.status ?? 1)
