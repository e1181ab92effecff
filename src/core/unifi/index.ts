export { createUnifiClient, type UnifiClient, type UnifiClientOptions, type CollectProgress } from './client.js'
export {
  createInMemorySourceMemory,
  processSourceMemory,
  type SourceMemory,
  type RememberedSources,
} from './source-memory.js'
export { LoginRateLimitedError, MfaRequiredError, EndpointUnsupportedError } from './errors.js'
export { parseControllerAddress, DEFAULT_PROBE_PORTS } from './address.js'
export { parseDevice } from './parse/device.js'
export { parseLegacyEvent, parseSystemLogEntry, renderSystemLogText } from './parse/events.js'
export { parseLegacyIps, parseTrafficFlowThreat, systemLogThreat } from './parse/threats.js'
export { mergeThreats } from './merge-threats.js'
export type * from './model.js'
