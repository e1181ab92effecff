/** The client inventory as CSV: quoting, and no field a spreadsheet would run as a formula. */
import { describe, expect, it } from 'vitest'
import { clientsCsv } from '../../../src/core/report/clients-csv.js'

const client = {
  mac: 'b8:27:eb:12:34:56',
  name: '=HYPERLINK("http://x")',
  manufacturer: 'Raspberry Pi',
  wired: true,
  network: 'LAN, main',
  vlan: 20,
  ssid: null,
  guest: false,
  randomised: false,
  firstSeen: '2026-12-04T06:00:00+00:00',
  lastSeen: '2026-12-04T07:00:00+00:00',
  known: true,
  knownName: 'Lab "Pi"',
}

describe('clients CSV', () => {
  it('writes a header and one quoted, formula-safe row per client', () => {
    const csv = clientsCsv([{ site: 'default', demo: false, clients: [client] }])
    const [header, row, end] = csv.split('\r\n')
    expect(header).toBe(
      'site,demo,mac,name,known as,manufacturer,connection,ssid,network,vlan,guest,private address,first seen,last seen',
    )
    expect(row).toBe(
      `default,no,b8:27:eb:12:34:56,"'=HYPERLINK(""http://x"")","Lab ""Pi""",Raspberry Pi,wired,,"LAN, main",20,no,no,2026-12-04T06:00:00+00:00,2026-12-04T07:00:00+00:00`,
    )
    expect(end).toBe('')
  })
})
