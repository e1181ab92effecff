#!/usr/bin/env node
// The published command: loads the bundled CLI. The bundle is produced by `npm run build`.
import { existsSync } from 'node:fs'

const entry = new URL('../out/cli/index.js', import.meta.url)
if (!existsSync(entry)) {
  console.error('unifi-scanner: the CLI is not built yet; run "npm run build" in the project folder first.')
  process.exit(1)
}
await import(entry.href)
