/** The scripted faults currently in force, and the one-shot state some of them carry. */
import type { SimulatorFault } from './types.js'

type FaultOf<T extends SimulatorFault['type']> = Extract<SimulatorFault, { type: T }>

export class FaultBook {
  private faults: SimulatorFault[] = []
  /** `session-expiry` fires once per `setFaults` call that contains it. */
  private expiryArmed = false
  /** Stream upgrades still to be refused with 401 by the current `stream-401` fault (Infinity: all). */
  private stream401Left = 0

  constructor(initial: readonly SimulatorFault[] = []) {
    this.set(initial)
  }

  set(faults: readonly SimulatorFault[]): void {
    this.faults = [...faults]
    this.expiryArmed = faults.some((fault) => fault.type === 'session-expiry')
    const refuse = this.first('stream-401')
    this.stream401Left = refuse === undefined ? 0 : (refuse.times ?? Number.POSITIVE_INFINITY)
  }

  /** True while the `stream-401` fault still refuses upgrades; counts this one. */
  takeStream401(): boolean {
    if (this.stream401Left <= 0) return false
    this.stream401Left -= 1
    return true
  }

  first<T extends SimulatorFault['type']>(type: T): FaultOf<T> | undefined {
    return this.faults.find((fault): fault is FaultOf<T> => fault.type === type)
  }

  /** The first fault of a path-scoped type that applies to this request path (with query). */
  forPath<T extends 'slow' | 'hang' | 'reset' | 'invalid-json' | 'oversize'>(
    type: T,
    path: string,
  ): FaultOf<T> | undefined {
    return this.faults.find(
      (fault): fault is FaultOf<T> =>
        fault.type === type &&
        ('pathIncludes' in fault && fault.pathIncludes ? path.includes(fault.pathIncludes) : true),
    )
  }

  get csrfRequired(): boolean {
    return this.first('csrf-required') !== undefined
  }

  /** True exactly once after `session-expiry` was set. */
  takeSessionExpiry(): boolean {
    if (!this.expiryArmed) return false
    this.expiryArmed = false
    return true
  }
}
