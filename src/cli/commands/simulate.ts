/**
 * `simulate`: the simulated controller and the fake Cloudflare API, running until interrupted, so people can
 * point the app or the CLI at them. Prints one JSON line on stdout with everything needed to connect —
 * demo credentials only, generated for this process.
 */
import { parseInteger } from '../args.js'
import type { CommandContext, GlobalOptions } from '../context.js'
import { ExitCode } from '../../core/exit-codes.js'
import { ConfigError } from '../../core/errors.js'
import { PERSONAS, startSimulatedController, type PersonaName } from '../../simulator/unifi/index.js'
import { startFakeCloudflare } from '../../simulator/cloudflare/index.js'

export interface SimulateOptions {
  port?: string
  persona?: string
  seed?: string
  events?: string
}

export async function runSimulateCommand(
  ctx: CommandContext,
  options: SimulateOptions,
  _globals?: GlobalOptions,
): Promise<number> {
  const port = options.port === undefined ? 0 : parseInteger('--port', options.port, 0, 65535)
  const seed = options.seed === undefined ? 1 : parseInteger('--seed', options.seed, 0, 2_147_483_647)
  const events = options.events === undefined ? undefined : parseInteger('--events', options.events, 0, 1_000_000)
  const persona = parsePersona(options.persona)

  const controller = await startSimulatedController({
    port,
    seed,
    persona,
    ...(events === undefined ? {} : { events }),
  })
  const cloudflare = await startFakeCloudflare({ seed }).catch(async (error: unknown) => {
    await controller.close()
    throw error
  })
  try {
    const { username, password, apiKey } = controller.credentials
    ctx.io.stdout.write(
      `${JSON.stringify({
        unifi: {
          url: controller.url,
          persona: controller.persona,
          site: 'default',
          username,
          password,
          apiKey,
          fingerprint: controller.fingerprint,
        },
        cloudflare: { url: cloudflare.url, apiToken: cloudflare.token, accountId: cloudflare.accountId },
        env: {
          UNIFI_URL: controller.url,
          UNIFI_USERNAME: username,
          UNIFI_PASSWORD: password,
          UNIFI_TLS_FINGERPRINT: controller.fingerprint,
          CLOUDFLARE_API_URL: cloudflare.url,
          CLOUDFLARE_API_TOKEN: cloudflare.token,
          CLOUDFLARE_ACCOUNT_ID: cloudflare.accountId,
        },
      })}\n`,
    )
    ctx.output.say(`Simulated controller (${controller.persona}) at ${controller.url}`)
    ctx.output.say(`  user ${username} / password ${password}, API key ${apiKey}`)
    ctx.output.say(`  certificate SHA-256 ${controller.fingerprint}`)
    ctx.output.say(`Fake Cloudflare API at ${cloudflare.url} (token ${cloudflare.token})`)
    ctx.output.say('Press Ctrl+C to stop.')
    await new Promise<void>((resolve) => {
      const dispose = ctx.io.interrupts.onInterrupt(() => {
        dispose()
        resolve()
      })
    })
    ctx.output.say('Stopping the simulators.')
  } finally {
    await Promise.allSettled([controller.close(), cloudflare.close()])
  }
  return ExitCode.ok
}

function parsePersona(value: string | undefined): PersonaName | undefined {
  if (value === undefined) return undefined
  const match = PERSONAS.find((persona) => persona === value)
  if (!match) throw new ConfigError(`--persona "${value}" is unknown. Choose one of: ${PERSONAS.join(', ')}.`)
  return match
}
