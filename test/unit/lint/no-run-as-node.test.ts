import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The packaged app's RunAsNode fuse is off, so nothing in the app may depend on starting its own binary as Node:
// child Node work goes through Electron's utilityProcess. `child_process.fork` from main would set that variable
// behind our back, so it is refused as well.
const root = path.resolve(import.meta.dirname, '../../..')

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = path.join(folder, name)
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative)
    return /\.[cm]?tsx?$/.test(name) ? [relative] : []
  })
}

describe('no RunAsNode in the app', () => {
  it('src/ never sets the run-as-node variable nor forks the Electron binary', () => {
    const variable = ['ELECTRON', 'RUN', 'AS', 'NODE'].join('_')
    const offenders = sourceFiles('src').filter((file) => {
      const text = readFileSync(path.join(root, file), 'utf8')
      return (
        text.includes(variable) ||
        (file.startsWith('src/main') && /\bfork\s*\(/.test(text.replace(/utilityProcess\.fork/g, '')))
      )
    })
    expect(offenders).toEqual([])
  })
})
