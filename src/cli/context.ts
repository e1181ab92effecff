/**
 * What every command handler gets: the process environment and streams (injectable for tests), the parsed
 * global options, and helpers to load the configuration and report a failure the same way everywhere.
 */
import type { Writable } from 'node:stream'
import { ConfigError, toScannerError } from '../core/errors.js'
import type { AnyIntegration } from '../core/integrations/contract.js'
import { integrations as registered } from '../core/integrations/registry.js'
import type { Settings } from '../shared/settings.js'
import { resolveDataDir } from './config/data-dir.js'
import type { Environment } from './config/env.js'
import { loadConfig } from './config/load-config.js'
import { exitCodeForError, type ExitCodeValue } from '../core/exit-codes.js'
import type { InterruptSource } from './interrupts.js'
import { createCliOutput, type CliOutput } from './output.js'

export interface CliIo {
  env: Environment
  stdout: Writable
  stderr: Writable
  interrupts: InterruptSource
  platform: NodeJS.Platform
  now: () => number
  /** The integrations the commands know; the registry unless a test brings its own. */
  integrations?: readonly AnyIntegration[]
}

export interface GlobalOptions {
  config?: string
  dataDir?: string
  verbose?: boolean
}

export interface CommandContext {
  io: CliIo
  output: CliOutput
  dataDir: string
  integrations: readonly AnyIntegration[]
}

export function createContext(io: CliIo, globals: GlobalOptions, json: boolean): CommandContext {
  const output = createCliOutput({ json, verbose: globals.verbose === true, stdout: io.stdout, stderr: io.stderr })
  return {
    io,
    output,
    dataDir: resolveDataDir({ flag: globals.dataDir, env: io.env, platform: io.platform }),
    integrations: io.integrations ?? registered,
  }
}

/** Loads `--config` + environment; warnings go to stderr and the secrets in use are scrubbed from all output. */
export async function loadSettings(
  ctx: CommandContext,
  globals: GlobalOptions,
  options: { requireUnifi?: boolean } = {},
): Promise<Settings> {
  const loaded = await loadConfig({
    configFile: globals.config,
    env: ctx.io.env,
    requireUnifi: options.requireUnifi,
    integrations: ctx.integrations,
  })
  ctx.output.addSecrets(loaded.secrets)
  for (const warning of loaded.warnings) ctx.output.warn(warning)
  return loaded.settings
}

/**
 * Prints a failure that ended a command before any report could be made (bad configuration, bad option) and
 * returns its exit code. In --json mode stdout still gets one JSON object, so scripts never parse nothing.
 */
export function reportFailure(ctx: CommandContext, error: unknown): ExitCodeValue {
  const failure = toScannerError(error)
  const exitCode = exitCodeForError(failure)
  ctx.output.say(`error: ${failure.message}`)
  ctx.output.json({
    ok: false,
    exitCode,
    error: {
      kind: failure.kind,
      code: failure.code,
      message: failure.message,
      problems: failure instanceof ConfigError ? failure.problems : [],
    },
  })
  return exitCode
}
