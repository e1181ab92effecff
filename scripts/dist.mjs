// `npm run dist` (installers for this OS) and `npm run dist:dir` (an unpacked app): builds, then runs
// electron-builder with the Electron binary already installed. Without one it says so in one line and exits 1
// instead of letting electron-builder fail on a download with a stack trace.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NO_ELECTRON_MESSAGE, findElectronDist } from './electron-dist.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const dirOnly = args.includes('--dir')

const dist = findElectronDist({ electronDir: path.join(root, 'node_modules', 'electron') })
if (dist === null) {
  console.error(NO_ELECTRON_MESSAGE)
  process.exit(1)
}

const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npm', ['run', 'build', '--silent'])
const platformFlag = { darwin: '--mac', win32: '--win', linux: '--linux' }[process.platform]
if (!platformFlag) {
  console.error(`dist: no installer target for ${process.platform}`)
  process.exit(1)
}
// The installed binary is for this machine's architecture: use it for an unpacked app and for the x64-only
// Linux and Windows installers; macOS installers need both architectures, which electron-builder downloads.
const useLocal = dirOnly || (process.platform !== 'darwin' && process.arch === 'x64')
const builderArgs = [
  platformFlag,
  ...(dirOnly ? ['--dir', `--${process.arch}`] : []),
  ...(useLocal ? [`--config.electronDist=${dist}`] : []),
  '--publish',
  'never',
  ...args.filter((arg) => arg !== '--dir'),
]
run(
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder'),
  builderArgs,
)
