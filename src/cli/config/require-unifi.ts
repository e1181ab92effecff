/**
 * The commands that talk to a controller need an address and one way to log in. The shared schema allows
 * both to be empty (the desktop app starts unconfigured), so the CLI checks them here, listing every gap.
 */
import type { Settings } from '../../shared/settings.js'
import { configProblems } from './load-config.js'

export function requireUnifiConnection(settings: Settings): void {
  const { url, apiKey, username, password } = settings.unifi
  const problems: string[] = []
  if (!url) problems.push('unifi.url (or UNIFI_URL) is not set: give the controller address, e.g. https://192.168.1.1.')
  if (!apiKey) {
    if (!username && !password) {
      problems.push(
        'No way to log in: set unifi.apiKey (UNIFI_API_KEY), or unifi.username and unifi.password (UNIFI_USERNAME, UNIFI_PASSWORD) of a local admin.',
      )
    } else if (!username) {
      problems.push('unifi.username (or UNIFI_USERNAME) is not set, but a password is: give the local admin user name.')
    } else if (!password) {
      problems.push('unifi.password (or UNIFI_PASSWORD) is not set: give the password of the local admin.')
    }
  }
  if (problems.length > 0) throw configProblems(problems)
}
