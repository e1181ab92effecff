/** Everything the route handlers share for one simulated controller. */
import type { SiteDataset } from '../data/dataset.js'
import type { PostureProfileName } from '../data/posture-profiles.js'
import type { SimulatorDrift } from './drift.js'
import type { FaultBook } from './faults.js'
import type { Persona } from './personas.js'
import type { SessionStore } from './sessions.js'

export interface ControllerState {
  persona: Persona
  credentials: { username: string; password: string; apiKey: string }
  sessions: SessionStore
  faults: FaultBook
  counters: { logins: number; logouts: number }
  /** `default` first, then `branch` when the seed is even. */
  sites: readonly SiteDataset[]
  /** Reference clock for report windows (`within`, default ranges). */
  now: () => number
  /** How the sites are set up, for the configuration posture audit. */
  posture: PostureProfileName
  /** What changed on the `default` site since start (devices, joined clients); empty by default. */
  drift: SimulatorDrift
}

export function findSite(state: ControllerState, name: string): SiteDataset | undefined {
  return state.sites.find((site) => site.ctx.name === name)
}
