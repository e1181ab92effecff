import { defineConfig } from '@playwright/test'
import { findBrowser } from './scripts/find-browser.mjs'

// The machine's own Chromium or Chrome (scripts/find-browser.mjs), never a downloaded browser: CI has no access to
// Playwright's CDN. `npm test` goes through scripts/run-browser-tests.mjs, which skips or fails when there is none.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1000, height: 700 },
    colorScheme: 'light',
    timezoneId: 'UTC',
    launchOptions: {
      executablePath: findBrowser() ?? undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
