/**
 * `window.api`: the only surface the renderer has. Derived from the contract, so the preload, the renderer's
 * test doubles and the e2e harness all break at compile time when a channel changes.
 */
import type { InvokeChannel, InvokeRequest, InvokeResult, PushChannel, PushPayload } from './contract.js'
import type { INVOKE_BRIDGE, PUSH_BRIDGE } from './channels.js'

export type Unsubscribe = () => void

type InvokeFunction<C extends InvokeChannel> =
  undefined extends InvokeRequest<C>
    ? () => Promise<InvokeResult<C>>
    : (request: InvokeRequest<C>) => Promise<InvokeResult<C>>

type SubscribeFunction<E extends PushChannel> = (listener: (payload: PushPayload<E>) => void) => Unsubscribe

export type BridgeApi = {
  readonly [C in InvokeChannel as (typeof INVOKE_BRIDGE)[C]]: InvokeFunction<C>
} & {
  readonly [E in PushChannel as (typeof PUSH_BRIDGE)[E]]: SubscribeFunction<E>
}

/** Name of the global the preload exposes (`window.api`). */
export const BRIDGE_GLOBAL = 'api'
