import type { IntegrationDescriptor } from '../../shared/ipc/integration-descriptor.js'
import type { AboutInfo, AppInfo } from '../../shared/ipc/payloads.js'

/** The app's licence, as `license` in package.json says (a test keeps the two in step). */
export const APP_LICENCE = 'MIT'

/** What the About box shows: version and licence, then each integration's own attribution lines. */
export function aboutInfo(
  info: Pick<AppInfo, 'name' | 'version'>,
  integrations: readonly IntegrationDescriptor[],
): AboutInfo {
  return {
    name: info.name,
    version: info.version,
    licence: APP_LICENCE,
    integrations: integrations.map((integration) => ({
      id: integration.id,
      displayName: integration.displayName,
      attribution: [...integration.attribution],
    })),
  }
}
