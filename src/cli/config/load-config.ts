/**
 * Builds the Settings for one CLI invocation: the `--config` JSON file, overridden by environment variables,
 * validated by the shared zod schema. Every problem is collected and reported at once (ConfigError.problems),
 * each naming where the bad value came from, so an admin fixes the whole file in one go.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { z } from 'zod'
import { liftLegacyIntegrationSections } from '../../shared/settings-legacy.js'
import { SETTINGS_SCHEMA_VERSION, settingsSchema, type Settings } from '../../shared/settings.js'
import { ConfigError } from '../../core/errors.js'
import type { IntegrationMeta } from '../../core/integrations/contract.js'
import { integrations as registered } from '../../core/integrations/registry.js'
import { secretValues } from '../../core/integrations/secret-paths.js'
import { integrationIssues, unknownIntegrationPaths } from '../../core/integrations/values.js'
import { unifiConnectionProblems } from './require-unifi.js'
import { applyDeliveryEnvironment } from './delivery-env.js'
import { envBindings, readEnvironment, type EnvBinding, type Environment } from './env.js'

export interface LoadedConfig {
  settings: Settings
  /** Non-fatal remarks (unknown keys in the file), shown on stderr. */
  warnings: string[]
  /** Secret values in use, so output sinks can scrub them as a last line of defence. */
  secrets: string[]
}

type JsonObject = Record<string, unknown>

export interface LoadConfigOptions {
  configFile?: string | undefined
  env: Environment
  /** Also require a controller address and a way to log in (report, check, schedule). */
  requireUnifi?: boolean
  /** The registry: which integration settings and environment variables exist (tests pass their own). */
  integrations?: readonly IntegrationMeta[]
}

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const problems: string[] = []
  const integrations = options.integrations ?? registered
  const raw = upgradeLegacyLayout(options.configFile ? await readConfigFile(options.configFile, problems) : {})
  const fromEnv: EnvBinding[] = []
  for (const { binding, value } of readEnvironment(options.env, envBindings(integrations))) {
    setPath(raw, binding.path, value)
    fromEnv.push(binding)
  }
  const delivery = applyDeliveryEnvironment(raw.delivery, options.env)
  if (delivery.delivery !== undefined) raw.delivery = delivery.delivery
  if (delivery.email) fromEnv.push({ name: 'SMTP_* / REPORT_EMAIL_*', path: ['delivery', 'email'] })
  if (delivery.webhookIndex !== null) {
    fromEnv.push({ name: 'REPORT_WEBHOOK_*', path: ['delivery', 'webhooks', String(delivery.webhookIndex)] })
  }
  const unknown = options.configFile
    ? [...unknownKeys(raw), ...unknownIntegrationPaths(integrations, looseIntegrations(raw))]
    : []
  const warnings = unknown.map((key) => `${options.configFile}: unknown setting "${key}" is ignored.`)
  const parsed = settingsSchema.safeParse(raw)
  if (options.requireUnifi) problems.push(...unifiConnectionProblems(isObject(raw.unifi) ? raw.unifi : {}))
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => describeIssue(issue.path, issue.message, fromEnv, options.configFile)),
    )
  }
  // Each integration's own rules, also when other sections are broken, so every problem is listed at once.
  for (const issue of integrationIssues(integrations, looseIntegrations(raw))) {
    problems.push(describeIssue(issue.path.split('.'), issue.message, fromEnv, options.configFile))
  }
  if (problems.length > 0 || !parsed.success) throw configProblems(problems)
  const settings = parsed.data
  return { settings, warnings, secrets: secretValues(settings, integrations) }
}

/**
 * Files of settings schema 1 kept Cloudflare in a top-level `cloudflare` section: it is read as
 * `integrations.cloudflare` (a value under `integrations.cloudflare` wins), and the file counts as current.
 */
function upgradeLegacyLayout(raw: JsonObject): JsonObject {
  const { document, lifted } = liftLegacyIntegrationSections(raw)
  const upgraded = { ...document }
  if (upgraded['schemaVersion'] === 1 || (lifted.length > 0 && upgraded['schemaVersion'] === undefined)) {
    upgraded['schemaVersion'] = SETTINGS_SCHEMA_VERSION
  }
  return upgraded
}

/** Sets `value` at `path`, creating (or replacing non-object) sections on the way. */
function setPath(target: JsonObject, path: readonly string[], value: unknown): void {
  let node = target
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      node[key] = value
      return
    }
    const next = isObject(node[key]) ? { ...node[key] } : {}
    node[key] = next
    node = next
  }
}

function looseIntegrations(raw: JsonObject): Record<string, Record<string, unknown>> {
  const section = isObject(raw['integrations']) ? raw['integrations'] : {}
  const result: Record<string, Record<string, unknown>> = {}
  for (const [id, entry] of Object.entries(section)) if (isObject(entry)) result[id] = entry
  return result
}

export function configProblems(problems: string[]): ConfigError {
  const summary =
    problems.length === 1 ? 'The configuration has a problem' : `The configuration has ${problems.length} problems`
  return new ConfigError(`${summary}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, problems)
}

/** A settings file is a few kilobytes; anything near this is not one (and must not be read into memory). */
export const MAX_CONFIG_BYTES = 1024 * 1024

async function readConfigFile(file: string, problems: string[]): Promise<JsonObject> {
  let text: string
  try {
    const read = await readBoundedRegularFile(file)
    if (typeof read !== 'string') {
      problems.push(`--config ${file}: ${read.problem}`)
      return {}
    }
    text = read
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    problems.push(
      code === 'ENOENT'
        ? `--config ${file}: file not found. Check the path.`
        : `--config ${file}: cannot be read (${code ?? 'unknown error'}). Check the file permissions.`,
    )
    return {}
  }
  try {
    const value: unknown = JSON.parse(text)
    if (isObject(value)) return value
    problems.push(`--config ${file}: must contain a JSON object such as {"unifi": {"url": "https://192.168.1.1"}}.`)
  } catch (error) {
    problems.push(`--config ${file}: is not valid JSON (${(error as Error).message}).`)
  }
  return {}
}

/**
 * Reads a regular file of at most MAX_CONFIG_BYTES. Opened non-blocking, so a FIFO cannot hang the open, and
 * checked on the opened descriptor, so what is read is what was checked; the read itself stops one byte past
 * the limit, so a device like /dev/zero or a file still growing is refused without being read.
 */
async function readBoundedRegularFile(file: string): Promise<string | { problem: string }> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) {
      return { problem: 'is not a regular file (a folder, device, pipe or socket). Point it at a JSON settings file.' }
    }
    if (stat.size > MAX_CONFIG_BYTES) {
      return { problem: `is ${stat.size} bytes; a settings file may be at most ${MAX_CONFIG_BYTES} bytes (1 MiB).` }
    }
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > MAX_CONFIG_BYTES) {
      return { problem: `is larger than ${MAX_CONFIG_BYTES} bytes (1 MiB), the most a settings file may be.` }
    }
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    await handle.close()
  }
}

function describeIssue(
  issuePath: readonly PropertyKey[],
  message: string,
  fromEnv: readonly EnvBinding[],
  configFile: string | undefined,
): string {
  const segments = issuePath.map(String)
  const path = segments.join('.')
  const binding = fromEnv.find((candidate) => candidate.path.every((segment, index) => segments[index] === segment))
  const where = binding ? `${binding.name} (environment)` : configFile ? `${configFile}: ${path || '(root)'}` : path
  return `${where}: ${message}`
}

const KNOWN_SECTIONS = new Set([
  'schemaVersion',
  'unifi',
  'integrations',
  'breaker',
  'report',
  'thresholds',
  'delivery',
  'schedule',
])

/** Top-level and section keys the schema does not know (zod strips them silently; a typo deserves a word). */
function unknownKeys(raw: JsonObject): string[] {
  const unknown: string[] = []
  const shape = settingsSchema.shape
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_SECTIONS.has(key)) {
      unknown.push(key)
      continue
    }
    const known = sectionKeys(shape[key as keyof typeof shape])
    if (!known || !isObject(value)) continue
    for (const inner of Object.keys(value)) if (!known.has(inner)) unknown.push(`${key}.${inner}`)
  }
  return unknown
}

function sectionKeys(schema: z.ZodType): Set<string> | null {
  let current: unknown = schema
  // Unwrap ZodDefault / ZodPipe wrappers down to the object schema (zod 4 keeps `def.innerType` / `def.in`).
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    if (isObject(current.shape)) return new Set(Object.keys(current.shape))
    const def = (current as { def?: { innerType?: unknown; in?: unknown } }).def
    current = def?.innerType ?? def?.in
  }
  return null
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
