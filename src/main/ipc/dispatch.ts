import type { Logger } from '../../core/logger.js'
import { INVOKE_CHANNELS, invokeContract, type InvokeChannel } from '../../shared/ipc/contract.js'
import { fail, ok, type Result } from '../../shared/result.js'
import type { SenderInfo } from '../security/trusted-senders.js'
import type { IpcHandlers } from './handlers.js'
import { toPublicFailure } from '../../core/errors.js'

/** Handles one invoke: sender check, payload validation, handler, Result. Never throws. */
export type IpcDispatch = (channel: string, sender: SenderInfo, payload: unknown) => Promise<Result<unknown>>

export interface DispatchOptions {
  isTrustedSender: (sender: SenderInfo) => boolean
  logger: Logger
}

export function createIpcDispatch(handlers: IpcHandlers, options: DispatchOptions): IpcDispatch {
  return async (channel, sender, payload) => {
    if (!isInvokeChannel(channel)) {
      return fail({ code: 'UNKNOWN_CHANNEL', kind: 'ipc', message: `There is no IPC channel "${channel}".` })
    }
    if (!options.isTrustedSender(sender)) {
      options.logger.warn('ipc call from an untrusted sender refused', {
        channel,
        webContentsId: sender.webContentsId,
        frameUrl: sender.frameUrl,
      })
      return fail({ code: 'UNTRUSTED_SENDER', kind: 'ipc', message: 'This window may not talk to UniFi Scanner.' })
    }
    const parsed = invokeContract[channel].request.safeParse(payload)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
      return fail({
        code: 'INVALID_REQUEST',
        kind: 'ipc',
        message: `The request for ${channel} was not valid (${problems.join('; ')}).`,
      })
    }
    try {
      return ok(await callHandler(handlers, channel, parsed.data))
    } catch (error) {
      const failure = toPublicFailure(error)
      options.logger.warn('ipc handler failed', { channel, code: failure.code, kind: failure.kind })
      return fail(failure)
    }
  }
}

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(channel)
}

/** The zod schema of `channel` produced `request`, so it has that channel's request type. */
async function callHandler<C extends InvokeChannel>(
  handlers: IpcHandlers,
  channel: C,
  request: unknown,
): Promise<unknown> {
  const handler = handlers[channel] as (request: unknown) => unknown
  return await handler(request)
}
