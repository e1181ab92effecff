// npm run audit:electron: Electronegativity over src/ with electronegativity.config.json. Prints every finding,
// marks the documented false positives, and exits 1 when a high or critical finding is not one of them.
// Its CLI cannot run here (it picks up our commander 14), so this drives its runner directly; the runner's two
// downloads (translations, Electron's release list) are switched off so the run stays offline.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const config = JSON.parse(readFileSync(path.join(root, 'electronegativity.config.json'), 'utf8'))

const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
const got = require.resolve('got', { paths: [path.join(packageDir, 'dist', 'locales')] })
const offline = () => Promise.reject(new Error('offline: electronegativity runs without network access'))
require.cache[got] = { id: got, filename: got, loaded: true, exports: Object.assign(offline, { default: offline }) }
const run = require(path.join(packageDir, 'dist', 'runner.js'))

const quietly = async (work) => {
  const log = console.log
  const warn = console.warn
  console.log = () => undefined
  console.warn = () => undefined
  try {
    return await work()
  } finally {
    console.log = log
    console.warn = warn
  }
}

const result = await quietly(() =>
  run({
    input: path.join(root, config.input),
    isRelative: true,
    electronVersionOverride: config.electronVersion,
    customScan: [],
    excludeFromScan: config.excludeChecks.map((entry) => entry.check),
  }),
)

const known = (issue) =>
  config.falsePositives.find((entry) => entry.id === issue.id && entry.file === issue.file.split(path.sep).join('/'))
let failing = 0
for (const error of result.errors) {
  console.log(`electronegativity: could not analyse ${error.file}: ${error.message}`)
  if (!error.tolerable) failing += 1
}
for (const issue of result.issues) {
  const falsePositive = known(issue)
  const blocking = config.failOn.includes(issue.severity.name) && !falsePositive
  if (blocking) failing += 1
  const where = `${issue.file}:${issue.location.line}`
  const verdict = falsePositive ? 'documented false positive' : blocking ? 'FAIL' : 'below the bar'
  console.log(`${issue.severity.name.padEnd(13)} ${issue.id} ${where} — ${verdict}`)
}
console.log(
  `electronegativity: ${result.issues.length} finding(s), ${failing} blocking (${result.atomicChecks + result.globalChecks} checks)`,
)
process.exit(failing > 0 ? 1 : 0)
