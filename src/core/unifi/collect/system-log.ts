/**
 * Reading the v2 system log for the report window, page by page. Only the category
 * names current consoles accept are sent: older names (`MONITORING`, `INTERNET`, `SYSTEM`) are rejected
 * with HTTP 400 on Network 10.x.
 */
import { EndpointUnsupportedError } from '../errors.js'
import { v2Path, v2Read } from '../endpoints.js'
import { readV2Pages, type PageHandler, type PagingOutcome } from '../paging.js'
import type { CollectContext } from './context.js'

export const SYSTEM_LOG_CATEGORIES = [
  'SECURITY',
  'UNIFI_DEVICES',
  'SOFTWARE_UPDATES',
  'VPN',
  'POWER',
  'UNIFI_ETHERNET_PORTS',
  'CLIENT_DEVICES',
  'INTERNET_AND_WAN',
  'AUDIT',
  'UNKNOWN',
] as const

export const ALL_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const

/** Large pages keep 100 000-entry windows to ~100 requests; consoles that refuse them get the UI's size. */
const LARGE_PAGE = 1000
const UI_PAGE = 100
const MAX_PAGES = 200

export async function readSystemLog<P>(
  ctx: CollectContext,
  logClass: 'all' | 'critical',
  severities: readonly string[],
  handler: PageHandler<P>,
  signal: AbortSignal,
): Promise<PagingOutcome> {
  const endpoint = `system-log/${logClass}`
  const path = v2Path(ctx.session, ctx.site, endpoint)
  const read = (pageSize: number, deliver: (page: P) => void): Promise<PagingOutcome> =>
    readV2Pages({
      fetchPage: (pageNumber, pageSignal) =>
        v2Read(ctx.session, path, endpoint, pageSignal, {
          timestampFrom: ctx.window.since,
          timestampTo: ctx.window.until,
          pageNumber,
          pageSize,
          severities,
          categories: SYSTEM_LOG_CATEGORIES,
          searchText: '',
          type: 'GENERAL',
        }),
      prepare: handler.prepare,
      onPage: deliver,
      maxPages: MAX_PAGES,
      concurrency: ctx.session.maxConcurrentRequests,
      signal,
      endpoint,
    })
  let delivered = false
  try {
    return await read(LARGE_PAGE, (page) => {
      delivered = true
      handler.onPage(page)
    })
  } catch (error) {
    if (delivered || !(error instanceof EndpointUnsupportedError) || error.status !== 400) throw error
    ctx.logger.debug('system-log refused the large page size; retrying with the web UI page size', { endpoint })
    return read(UI_PAGE, handler.onPage)
  }
}
