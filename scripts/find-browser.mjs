// Finds a Chromium or Chrome to run the browser tests with. Playwright's own browser download is never used (it
// needs a CDN that CI machines cannot reach), so the tests drive whatever browser the machine already has.
import { accessSync, constants } from 'node:fs'
import path from 'node:path'

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']

function wellKnownPaths(platform, env) {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean)
    return roots.flatMap((root) => [
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ])
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium']
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The browser to test with: `CHROMIUM_PATH` when set (and then only that one, so a typo is not silently replaced
 * by another browser), else the usual install paths, else the usual names on `PATH`. Null when there is none.
 */
export function findBrowser(env = process.env, platform = process.platform) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES_ON_PATH.map((name) => path.join(dir, platform === 'win32' ? `${name}.exe` : name)))
  return [...wellKnownPaths(platform, env), ...onPath].find(isExecutable) ?? null
}

export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or Chrome, or set CHROMIUM_PATH to its executable'
