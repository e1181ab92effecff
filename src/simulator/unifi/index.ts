/**
 * Simulated UniFi Network controller for tests, the demo mode and benchmarks. A real HTTPS
 * server on 127.0.0.1 with a throwaway certificate, five firmware personas and scriptable faults.
 */
export type {
  PersonaName,
  RecordedRequest,
  SimulatedController,
  SimulatedControllerOptions,
  SimulatedEventStream,
  SimulatorFault,
  SimulatorStats,
} from './types.js'
export { PERSONAS } from './personas.js'
export type { JoinedClient, SimulatorDrift } from './drift.js'
export { startSimulatedController, DEFAULT_SIZES } from './controller.js'
export { POSTURE_PROFILES, PLANTED_SECRETS, type PostureProfileName } from '../data/posture-profiles.js'
