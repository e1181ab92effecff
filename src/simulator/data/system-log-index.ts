/**
 * Which system-log positions match a filter (window, categories, severities), answered from the compact
 * kind and severity codes so no entry is built just to be filtered out. Recent results are kept: a client
 * paging `all` and `critical` side by side must not rescan the whole log per page.
 */
import { EVENT_KINDS, LOG_SEVERITIES, type LogCategory, type LogSeverity } from './event-kinds.js'
import { windowRange, type Timeline } from './timeline.js'

export interface LogFilter {
  fromMs: number
  toMs: number
  /** null = every category. */
  categories: ReadonlySet<string> | null
  severities: ReadonlySet<string> | null
}

const CACHE_SIZE = 8

export class SystemLogIndex {
  private readonly cache = new Map<string, Int32Array>()

  constructor(
    private readonly timeline: Timeline,
    /** Kind index of every event. */
    private readonly eventKinds: Uint16Array,
    /** Index into LOG_SEVERITIES of every threat's entry. */
    private readonly threatSeverities: Uint8Array,
  ) {}

  private codes(position: number): { category: LogCategory; severity: LogSeverity } {
    const t = this.timeline
    if (t.isThreatAt(position)) {
      return {
        category: 'SECURITY',
        severity: LOG_SEVERITIES[this.threatSeverities[t.threatIndexAt(position)] ?? 0] ?? 'LOW',
      }
    }
    const kind = EVENT_KINDS[this.eventKinds[t.eventIndexAt(position)] ?? 0]
    return { category: kind?.category ?? 'UNKNOWN', severity: kind?.severity ?? 'LOW' }
  }

  positions(filter: LogFilter): Int32Array {
    const key = JSON.stringify([
      filter.fromMs,
      filter.toMs,
      [...(filter.categories ?? [])],
      [...(filter.severities ?? [])],
    ])
    const cached = this.cache.get(key)
    if (cached) return cached
    const [start, end] = windowRange(this.timeline.total, (p) => this.timeline.timeAt(p), filter.fromMs, filter.toMs)
    const matches = new Int32Array(end - start)
    let n = 0
    for (let p = start; p < end; p++) {
      const codes = this.codes(p)
      if (filter.categories && !filter.categories.has(codes.category)) continue
      if (filter.severities && !filter.severities.has(codes.severity)) continue
      matches[n++] = p
    }
    const positions = matches.slice(0, n)
    if (this.cache.size >= CACHE_SIZE) {
      const oldest = this.cache.keys().next().value
      if (oldest !== undefined) this.cache.delete(oldest)
    }
    this.cache.set(key, positions)
    return positions
  }
}
