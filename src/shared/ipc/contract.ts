/**
 * The typed IPC contract: for every channel in `channels.ts`, the zod schema of what the renderer sends and of
 * what main answers (invoke channels), or of what main pushes (push channels). Main validates every request
 * against these schemas before a handler sees it. `satisfies` makes a channel without schemas (or schemas for
 * an unknown channel) a compile error.
 */
import { z } from 'zod'
import type { Result } from '../result.js'
import type { InvokeChannel, PushChannel } from './channels.js'
import {
  appInfoSchema,
  appStatusSchema,
  reportProgressSchema,
  reportSummarySchema,
  settingsViewSchema,
} from './payloads.js'

export * from './channels.js'

interface InvokeSpec {
  /** The single argument of the bridge function; `z.undefined()` for a call without argument. */
  request: z.ZodType
  response: z.ZodType
}

const noArgument = z.undefined()

export const invokeContract = {
  'app:get-info': { request: noArgument, response: appInfoSchema },
  'status:get': { request: noArgument, response: appStatusSchema },
  'status:refresh': { request: noArgument, response: appStatusSchema },
  'settings:get': { request: noArgument, response: settingsViewSchema },
  'report:generate': { request: noArgument, response: reportSummarySchema },
} as const satisfies Record<InvokeChannel, InvokeSpec>

export const pushContract = {
  'status:changed': appStatusSchema,
  'report:progress': reportProgressSchema,
} as const satisfies Record<PushChannel, z.ZodType>

/** What the renderer passes (before validation). */
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>
/** What a handler receives (after validation and defaults). */
export type ValidInvokeRequest<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>
export type InvokeResult<C extends InvokeChannel> = Result<InvokeResponse<C>>
export type PushPayload<E extends PushChannel> = z.output<(typeof pushContract)[E]>
