// Built-main smoke: evaluates out/main/index.js with the fake electron and checks the wiring, which proves the
// bundle's imports (electron-store, zod, our chunks) resolve without an Electron binary, and that no React
// development build was loaded (nothing sets NODE_ENV in a shipped main process).
// Run: node --import ./test/smoke/register.mjs test/smoke/run-main.mjs [out/main/index.js]
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { calls } from './fake-electron.mjs'

const entry = path.resolve(process.argv[2] ?? 'out/main/index.js')
if (!existsSync(entry)) {
  console.error(`smoke: ${entry} is missing; run "npm run build" first.`)
  process.exit(1)
}
await import(pathToFileURL(entry).href)
await new Promise((resolve) => setTimeout(resolve, 50))

const problems = []
const has = (name, predicate = () => true) => calls.some(([call, ...args]) => call === name && predicate(...args))
const expectCall = (description, name, predicate) => {
  if (!has(name, predicate)) problems.push(description)
}

expectCall('asks for the single-instance lock', 'app.requestSingleInstanceLock')
expectCall('hides the dock icon', 'app.dock.hide')
expectCall('denies permission requests', 'session.setPermissionRequestHandler')
expectCall('hardens every webContents', 'app.on', (event) => event === 'web-contents-created')
expectCall('keeps running when windows close', 'app.on', (event) => event === 'window-all-closed')
for (const channel of [
  'app:get-info',
  'status:get',
  'settings:get',
  'settings:update',
  'secret:set',
  'unifi:test',
  'report:generate',
  'reports:list',
]) {
  expectCall(`handles ${channel}`, 'ipcMain.handle', (name) => name === channel)
}
expectCall('creates a sandboxed window with the CJS preload', 'BrowserWindow', (prefs) => {
  return prefs.sandbox === true && prefs.contextIsolation === true && /preload[/\\]index\.cjs$/.test(prefs.preload)
})
expectCall('registers the app:// scheme', 'protocol.registerSchemesAsPrivileged', (schemes) =>
  schemes.some((entry) => entry.scheme === 'app' && entry.privileges.standard && entry.privileges.secure),
)
expectCall('serves the renderer over app://', 'protocol.handle', (scheme) => scheme === 'app')
expectCall('loads the built renderer from app://', 'loadURL', (url) => url === 'app://renderer/index.html')
expectCall('creates the tray with a bundled icon', 'Tray', (file) => existsSync(file))
expectCall('builds the tray menu', 'Tray.setContextMenu', (labels) =>
  ['Generate report now', 'Open last report', 'Start at login', 'Troubleshooting', 'Quit UniFi Scanner'].every(
    (label) => labels.includes(label),
  ),
)
if (has('app.quit') || has('app.exit')) problems.push('main quit during start-up')
// CommonJS modules imported from ESM land in the shared require cache, React's builds included.
const developmentReact = Object.keys(createRequire(import.meta.url).cache).filter((file) =>
  /[\\/]react(?:-dom)?[\\/]cjs[\\/][^\\/]*\.development\.js$/.test(file),
)
if (developmentReact.length > 0) problems.push(`loaded React's development build: ${developmentReact.join(', ')}`)

if (problems.length > 0) {
  console.error(`smoke: built main is not wired as expected:\n- ${problems.join('\n- ')}`)
  console.error(JSON.stringify(calls))
  process.exit(1)
}
console.log(`smoke: built main wired ${calls.length} Electron calls as expected`)
process.exit(0)
