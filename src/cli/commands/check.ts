/**
 * `check`: connect and authenticate to the controller, list its sites, show the TLS fingerprint, and show
 * every integration's configuration state and connection test. Nothing is written. The exit code follows the
 * controller connection (0 when it worked); integration problems are shown but, as for reports, do not
 * change it.
 */
import { TlsTrustError, toScannerError, type ScannerError } from '../../core/errors.js'
import type { ControllerInfo, SiteRef } from '../../core/unifi/model.js'
import { checkConfiguration, missingLabels } from '../../core/integrations/configuration.js'
import type { AnyIntegration } from '../../core/integrations/contract.js'
import { storedValues, hasStoredValue } from '../../core/integrations/values.js'
import type { UnifiRunAccess } from '../../core/unifi/run-access.js'
import { createDeliveryRuntime, type ChannelTest } from '../../core/delivery/runtime.js'
import { createIntegrationRuntime } from '../../core/integrations/runner.js'
import { createUnifiClient } from '../../core/unifi/index.js'
import { chooseSite } from '../../core/unifi/sites.js'
import type { Settings } from '../../shared/settings.js'
import { loadSettings, type CommandContext, type GlobalOptions } from '../context.js'
import { ExitCode, exitCodeForError } from '../../core/exit-codes.js'
import { abortOnInterrupt } from '../interrupts.js'

export interface CheckOptions {
  json?: boolean
}

export interface IntegrationCheck {
  id: string
  displayName: string
  status: 'configured' | 'partial' | 'not-configured'
  /** Keys of the missing required fields. */
  missing: string[]
  /** Each declared field: whether it holds a value (never the value) and its environment variable. */
  fields: { key: string; label: string; kind: string; required: boolean; env: string | null; set: boolean }[]
  test: { ok: boolean; message: string } | null
}

export async function runCheckCommand(
  ctx: CommandContext,
  _options: CheckOptions,
  globals: GlobalOptions,
): Promise<number> {
  const settings = await loadSettings(ctx, globals, { requireUnifi: true })
  const interrupt = abortOnInterrupt(ctx.io.interrupts)
  const client = createUnifiClient({ settings: settings.unifi, logger: ctx.output.logger })
  try {
    const unifi = await checkController(client, settings, interrupt.signal)
    // Integrations riding on the UniFi session (CyberSecure) test through the session just checked.
    const now = ctx.io.now()
    const access = unifi.error
      ? null
      : client.runAccess({ since: now - settings.report.lookbackHours * 3_600_000, until: now })
    const integrationChecks = await checkIntegrations(ctx, settings, access, interrupt.signal)
    const deliveryChecks = await checkDelivery(ctx, settings, interrupt.signal)
    const exitCode = unifi.error ? exitCodeForError(unifi.error) : ExitCode.ok
    printHuman(ctx, settings, unifi, integrationChecks)
    printDelivery(ctx, deliveryChecks)
    ctx.output.json({
      ok: exitCode === ExitCode.ok,
      exitCode,
      controller: unifi.controller
        ? {
            kind: unifi.controller.kind,
            url: unifi.controller.baseUrl,
            version: unifi.controller.version,
            hostname: unifi.controller.hostname,
            authMethod: unifi.controller.authMethod,
          }
        : null,
      tlsFingerprint: unifi.controller?.tlsFingerprint ?? presentedFingerprint(unifi.error),
      sites: unifi.sites,
      site: unifi.site,
      error: unifi.error ? { kind: unifi.error.kind, code: unifi.error.code, message: unifi.error.message } : null,
      integrations: integrationChecks,
      delivery: deliveryChecks,
    })
    return exitCode
  } finally {
    interrupt.dispose()
    await client.close().catch(() => undefined)
  }
}

interface ControllerCheck {
  controller: ControllerInfo | null
  sites: SiteRef[]
  /** The site reports would use: the configured one, or the only one. */
  site: string | null
  error: ScannerError | null
}

async function checkController(
  client: ReturnType<typeof createUnifiClient>,
  settings: Settings,
  signal: AbortSignal,
): Promise<ControllerCheck> {
  let controller: ControllerInfo | null = null
  let sites: SiteRef[] = []
  try {
    controller = await client.connect(signal)
    sites = await client.listSites(signal)
  } catch (error) {
    return { controller, sites, site: null, error: toScannerError(error) }
  }
  try {
    return { controller, sites, site: chooseSite(sites, settings.unifi.site).name, error: null }
  } catch (error) {
    return { controller, sites, site: null, error: toScannerError(error) }
  }
}

async function checkIntegrations(
  ctx: CommandContext,
  settings: Settings,
  unifi: UnifiRunAccess | null,
  signal: AbortSignal,
): Promise<IntegrationCheck[]> {
  const integrations = ctx.integrations
  const runtime = createIntegrationRuntime({ integrations, settings, logger: ctx.output.logger })
  try {
    return await Promise.all(
      integrations.map(async (integration): Promise<IntegrationCheck> => {
        const { state, missing } = checkConfiguration(integration, settings)
        const base = {
          id: integration.id,
          displayName: integration.displayName,
          status: state,
          missing,
          fields: fieldChecks(integration, settings),
        }
        if (state !== 'configured' || !integration.testConnection) return { ...base, test: null }
        try {
          const result = await runtime.testConnection(integration.id, { signal, unifi })
          return { ...base, test: { ok: result.ok, message: result.message } }
        } catch (error) {
          return { ...base, test: { ok: false, message: toScannerError(error).message } }
        }
      }),
    )
  } finally {
    await runtime.close()
  }
}

/** Each delivery channel: SMTP connect and sign-in, webhook reachability; nothing is sent. */
async function checkDelivery(ctx: CommandContext, settings: Settings, signal: AbortSignal): Promise<ChannelTest[]> {
  const runtime = createDeliveryRuntime({ logger: ctx.output.logger })
  try {
    return await runtime.test(settings, signal)
  } finally {
    await runtime.close()
  }
}

function printDelivery(ctx: CommandContext, checks: ChannelTest[]): void {
  if (checks.length === 0) {
    ctx.output.say('Delivery: no email or webhook channel configured')
    return
  }
  ctx.output.say('Delivery:')
  for (const check of checks)
    ctx.output.say(`  ${check.label}: test ${check.ok ? 'passed' : 'FAILED'}: ${check.message}`)
}

function fieldChecks(integration: AnyIntegration, settings: Settings): IntegrationCheck['fields'] {
  const stored = storedValues(settings, integration.id)
  return integration.fields.map((field) => ({
    key: field.key,
    label: field.label,
    kind: field.kind,
    required: field.required,
    env: field.env ?? null,
    set:
      field.kind === 'number' || field.kind === 'boolean'
        ? Object.hasOwn(stored, field.key)
        : hasStoredValue(field, Object.hasOwn(stored, field.key) ? stored[field.key] : undefined),
  }))
}

/** "API token (CLOUDFLARE_API_TOKEN)": the label, and where the CLI reads it from when it has a variable. */
function missingWithEnv(integration: AnyIntegration, missing: readonly string[]): string {
  return missing
    .map((key) => {
      const env = integration.fields.find((field) => field.key === key)?.env
      const label = missingLabels(integration, [key])
      return env ? `${label} (${env})` : label
    })
    .join(', ')
}

function missingOf(integration: AnyIntegration | undefined, missing: readonly string[]): string {
  return integration ? missingWithEnv(integration, missing) : missing.join(', ')
}

function presentedFingerprint(error: ScannerError | null): string | null {
  return error instanceof TlsTrustError ? error.presentedFingerprint : null
}

function printHuman(ctx: CommandContext, settings: Settings, unifi: ControllerCheck, checks: IntegrationCheck[]): void {
  const byId = new Map(ctx.integrations.map((integration) => [integration.id, integration]))
  const say = ctx.output.say
  const info = unifi.controller
  if (info) {
    say(
      `Controller: ${info.kind === 'unifi-os' ? 'UniFi OS console' : 'classic Network controller'} at ${info.baseUrl}`,
    )
    say(
      `  Network version: ${info.version ?? 'unknown'}; signed in with ${info.authMethod === 'api-key' ? 'an API key' : 'a password'}`,
    )
    if (info.hostname) say(`  Host name: ${info.hostname}`)
    say(`  TLS certificate SHA-256: ${info.tlsFingerprint ?? 'unknown'}`)
  } else {
    say(`Controller: not reached at ${settings.unifi.url ?? '(no address)'}`)
  }
  if (unifi.sites.length > 0) {
    say(`Sites: ${unifi.sites.map((site) => `${site.name} (${site.description})`).join(', ')}`)
    if (unifi.site) say(`  Reports use site: ${unifi.site}`)
  }
  if (unifi.error) {
    say(`Connection failed: ${unifi.error.message}`)
    const presented = presentedFingerprint(unifi.error)
    if (presented) say(`  If this is your console's certificate, trust it with UNIFI_TLS_FINGERPRINT=${presented}`)
  } else {
    say('Configuration and connection: OK')
  }
  say('Integrations:')
  for (const check of checks) {
    const state =
      check.status === 'configured'
        ? 'configured'
        : check.status === 'partial'
          ? `partially configured (missing: ${missingOf(byId.get(check.id), check.missing)})`
          : 'not configured'
    const test = check.test ? ` — connection test ${check.test.ok ? 'passed' : 'FAILED'}: ${check.test.message}` : ''
    say(`  ${check.displayName}: ${state}${test}`)
  }
}
