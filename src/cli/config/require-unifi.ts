/**
 * The commands that talk to a controller need an address and one way to log in. The shared schema allows
 * both to be empty (the desktop app starts unconfigured), so the CLI checks them, listing every gap. The
 * check reads the merged file + environment values before validation, so these gaps are listed together
 * with any schema problems.
 */

type LooseUnifi = Partial<Record<'url' | 'apiKey' | 'username' | 'password', unknown>>

const isSet = (value: unknown): boolean => typeof value === 'string' && value.trim() !== ''

export function unifiConnectionProblems(unifi: LooseUnifi): string[] {
  const problems: string[] = []
  if (!isSet(unifi.url)) {
    problems.push('unifi.url (or UNIFI_URL) is not set: give the controller address, e.g. https://192.168.1.1.')
  }
  if (isSet(unifi.apiKey)) return problems
  const user = isSet(unifi.username)
  const password = isSet(unifi.password)
  if (!user && !password) {
    problems.push(
      'No way to log in: set unifi.apiKey (UNIFI_API_KEY), or unifi.username and unifi.password (UNIFI_USERNAME, UNIFI_PASSWORD) of a local admin.',
    )
  } else if (!user) {
    problems.push('unifi.username (or UNIFI_USERNAME) is not set, but a password is: give the local admin user name.')
  } else if (!password) {
    problems.push('unifi.password (or UNIFI_PASSWORD) is not set: give the password of the local admin.')
  }
  return problems
}
