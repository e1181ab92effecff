/**
 * What a collector keeps of one page of a paged list, made as the page arrives (`PageHandler.prepare` in
 * paging.ts): the records it parsed, and the reasons for the ones it could not use. The reasons are replayed
 * into the source's `Rejections` when the page is handed over in page order, so the coverage panel names the
 * same first reasons whatever order the answers came in.
 */
import type { Rejections } from '../source-log.js'

export interface PageRecords<T> {
  records: T[]
  rejected: string[]
}

export function pageRecords<T>(): PageRecords<T> {
  return { records: [], rejected: [] }
}

/** Appends one page's records to `into` and its rejections to `rejections`. */
export function keepPage<T>(page: PageRecords<T>, into: T[], rejections: Rejections): void {
  for (const record of page.records) into.push(record)
  for (const reason of page.rejected) rejections.add(reason)
}
