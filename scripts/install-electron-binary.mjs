// Fetches Electron's platform binary on a user's machine. Electron 45 ships no postinstall of its own,
// so we run its installer here. Where the download cannot happen (offline CI, locked-down networks),
// we print one line saying how to fetch it later and let `npm install` succeed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

const dir = electronDir()
if (dir === null) process.exit(0) // production install without devDependencies: nothing to fetch
if (existsSync(join(dir, 'path.txt'))) process.exit(0) // already installed

const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
  stdio: ['ignore', 'ignore', 'ignore'],
  timeout: 120_000,
})
if (result.status !== 0 || !existsSync(join(dir, 'path.txt'))) {
  console.warn(
    'unifi-scanner: Electron binary not downloaded (offline?); the CLI and tests work without it — run "node node_modules/electron/install.js" later to use the desktop app.',
  )
}
process.exit(0)
