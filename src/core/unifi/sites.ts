/**
 * Site selection: the configured site must match a site's short `name`; without one,
 * a controller with exactly one site uses it, and several sites are an error that lists them all, since
 * guessing would report on the wrong network.
 */
import { ConfigError } from '../errors.js'
import type { SiteRef } from './model.js'

export function chooseSite(sites: readonly SiteRef[], configured: string | undefined): SiteRef {
  const listing = sites.map((site) => `${site.name} (${site.description})`).join(', ')
  if (sites.length === 0) {
    throw new ConfigError(
      'No sites found on the controller. Check that the account can see at least one site.',
      undefined,
      {
        code: 'UNIFI_NO_SITES',
      },
    )
  }
  if (configured !== undefined) {
    const exact = sites.find((site) => site.name === configured)
    if (exact !== undefined) return exact
    const byDescription = sites.filter((site) => site.description.toLowerCase() === configured.toLowerCase())
    if (byDescription.length === 1 && byDescription[0] !== undefined) return byDescription[0]
    throw new ConfigError(
      `Site "${configured}" was not found on the controller. Available sites: ${listing}.`,
      [`unifi.site: not found; choose one of ${sites.map((site) => site.name).join(', ')}`],
      { code: 'UNIFI_SITE_NOT_FOUND' },
    )
  }
  const only = sites.length === 1 ? sites[0] : undefined
  if (only !== undefined) return only
  throw new ConfigError(
    `The controller has ${sites.length} sites and none is chosen in the settings. Choose one of: ${listing}.`,
    [`unifi.site: required; choose one of ${sites.map((site) => site.name).join(', ')}`],
    { code: 'UNIFI_SITE_REQUIRED' },
  )
}
