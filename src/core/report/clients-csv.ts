/**
 * The client inventory as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they hold a comma, quote or line
 * break). A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with a
 * quote mark, since client names come from the network.
 */
export interface CsvSite {
  site: string
  demo: boolean
  clients: readonly {
    mac: string
    name: string | null
    manufacturer: string | null
    wired: boolean
    network: string | null
    vlan: number | null
    ssid: string | null
    guest: boolean
    randomised: boolean
    firstSeen: string
    lastSeen: string
    known: boolean
    knownName: string | null
  }[]
}

const COLUMNS = [
  'site',
  'demo',
  'mac',
  'name',
  'known as',
  'manufacturer',
  'connection',
  'ssid',
  'network',
  'vlan',
  'guest',
  'private address',
  'first seen',
  'last seen',
]

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function clientsCsv(sites: readonly CsvSite[]): string {
  const rows = [COLUMNS]
  for (const site of sites)
    for (const client of site.clients)
      rows.push([
        site.site,
        site.demo ? 'yes' : 'no',
        client.mac,
        client.name ?? '',
        client.known ? (client.knownName ?? '(known)') : '',
        client.manufacturer ?? '',
        client.wired ? 'wired' : 'wireless',
        client.ssid ?? '',
        client.network ?? '',
        client.vlan === null ? '' : String(client.vlan),
        client.guest ? 'yes' : 'no',
        client.randomised ? 'yes' : 'no',
        client.firstSeen,
        client.lastSeen,
      ])
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`
}
