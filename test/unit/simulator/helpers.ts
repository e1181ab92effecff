import { SiteDataset, type DatasetSizes } from '../../../src/simulator/data/dataset.js'
import { createSiteContext } from '../../../src/simulator/data/site-context.js'

/** A fixed instant, so every assertion about time is exact. */
export const ANCHOR = Date.UTC(2026, 0, 29, 12, 0, 0)
export const DAY = 86_400_000

export function dataset(sizes: Partial<DatasetSizes> = {}, seed = 1): SiteDataset {
  return new SiteDataset(createSiteContext(seed, 'default', 'Default', ANCHOR), {
    events: 400,
    threats: 120,
    devices: 10,
    ...sizes,
  })
}

export function allEvents(ds: SiteDataset): Record<string, unknown>[] {
  return Array.from({ length: ds.sizes.events }, (_, i) => ds.event(i))
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
