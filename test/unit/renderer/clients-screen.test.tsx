/**
 * The Clients screen over a seeded data folder: the bridge double answers through main's own inventory functions
 * (`readInventory`, `markKnown`, `exportInventory`) over real `clients.json` and `known-clients.json` files, so
 * "Mark as known" is followed all the way to the file a report reads, and the export to the CSV on disk.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/core/logger.js'
import { CLIENTS_FILE } from '../../../src/core/report/files/client-inventory.js'
import { markClientKnown, readKnownClients } from '../../../src/core/report/files/known-clients.js'
import { exportInventory, markKnown, readInventory, type InsightShelf } from '../../../src/main/reports/insights.js'
import { ClientsScreen } from '../../../src/renderer/src/features/clients/clients-screen.js'
import { formatDateTime } from '../../../src/renderer/src/lib/format.js'
import { fail, ok } from '../../../src/shared/result.js'
import { createMockBridge } from './mock-bridge.js'

const NOW = Date.UTC(2026, 11, 4, 12, 0)
const DAY = 86_400_000
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString()

const PI = 'b8:27:eb:12:34:56'
const PHONE = '3c:22:fb:aa:bb:01'
const PRIVATE = '6a:11:22:33:44:55'
const NAS = '00:11:32:00:00:01'

function client(mac: string, over: Record<string, unknown>) {
  return {
    mac,
    name: null,
    manufacturer: null,
    wired: false,
    network: null,
    vlan: null,
    ssid: null,
    guest: false,
    randomised: false,
    firstSeen: at(10),
    lastSeen: at(0),
    ...over,
  }
}

const REAL_SITE = {
  baselineAt: at(30),
  updatedAt: at(0),
  clients: [
    client(PI, { name: 'mystery-pi', manufacturer: 'Raspberry Pi', wired: true, network: 'LAN', firstSeen: at(2) }),
    client(PHONE, { name: 'Anna iPhone', manufacturer: 'Apple', network: 'LAN', vlan: 10, ssid: 'Home' }),
    client(PRIVATE, { network: 'Guest', vlan: 30, ssid: 'Guest WiFi', guest: true, randomised: true }),
    client(NAS, { name: 'nas', manufacturer: 'Synology', wired: true, network: 'LAN', firstSeen: at(30) }),
  ],
}
const DEMO_SITE = {
  baselineAt: at(1),
  updatedAt: at(1),
  clients: [client('f0:9f:c2:00:00:09', { name: 'demo-cam', wired: true, network: 'Cameras', vlan: 40 })],
}

let root: string
let shelves: InsightShelf[]

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'clients-screen-'))
  const real = { dataDir: join(root, 'data'), reportsDir: join(root, 'reports'), demo: false }
  const demo = { dataDir: join(root, 'data', 'demo'), reportsDir: join(root, 'data', 'demo', 'reports'), demo: true }
  shelves = [real, demo]
  await mkdir(demo.dataDir, { recursive: true })
  await mkdir(real.reportsDir, { recursive: true })
  await writeFile(join(real.dataDir, CLIENTS_FILE), JSON.stringify({ schemaVersion: 1, sites: { default: REAL_SITE } }))
  await writeFile(join(demo.dataDir, CLIENTS_FILE), JSON.stringify({ schemaVersion: 1, sites: { default: DEMO_SITE } }))
  // Marked as known earlier (from the app, or by another process), with a name.
  await markClientKnown(real.dataDir, { mac: NAS, name: 'Family NAS' }, silentLogger, new Date(NOW - DAY))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** The bridge double answering the Clients calls through main's real functions over the seeded folders. */
function seededBridge() {
  const { api } = createMockBridge()
  api.listClients.mockImplementation(async () => ok(await readInventory(shelves, silentLogger, NOW)))
  api.markClientKnown.mockImplementation(async (request) =>
    ok(await markKnown(shelves, request, silentLogger, new Date(NOW))),
  )
  api.exportClients.mockImplementation(async () => ok(await exportInventory(shelves, silentLogger, NOW, 'UTC')))
  return api
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')
const realTable = () => screen.getByRole('table', { name: '4 clients' })
const row = (mac: string) => within(realTable()).getByTestId(`client-${mac}`)

describe('Clients screen', () => {
  it('lists every site with name, MAC, manufacturer, connection with network and VLAN, first seen and known', async () => {
    render(<ClientsScreen api={seededBridge()} />)
    await screen.findByRole('table', { name: '4 clients' })
    const headings = screen.getAllByRole('heading', { level: 3 })
    expect(headings.map((heading) => heading.textContent)).toEqual([
      `Site default · baseline ${formatDateTime(at(30))}`,
      `Site defaultDemo data · baseline ${formatDateTime(at(1))}`,
    ])

    const pi = cells(row(PI))
    expect(pi.slice(0, 5)).toEqual(['mystery-pi', PI, 'Raspberry Pi', 'Wired · LAN', formatDateTime(at(2))])
    expect(within(row(PI)).getByRole('button', { name: 'Mark as known' })).toBeInTheDocument()
    expect(cells(row(PHONE)).slice(0, 4)).toEqual(['Anna iPhone', PHONE, 'Apple', 'Wi-Fi "Home" · LAN · VLAN 10'])
    expect(cells(row(PRIVATE)).slice(0, 4)).toEqual([
      '(no name)private address',
      PRIVATE,
      'unknown',
      'Wi-Fi "Guest WiFi" · Guest · VLAN 30 · guest',
    ])
    // Known from the seeded list: its given name in place of the hostname, and no form.
    expect(cells(row(NAS))).toEqual([
      'Family NAS',
      NAS,
      'Synology',
      'Wired · LAN',
      formatDateTime(at(30)),
      'Known: Family NAS',
    ])
    expect(within(row(NAS)).queryByRole('button')).toBeNull()

    expect(
      cells(within(screen.getByRole('table', { name: '1 clients' })).getByTestId('client-f0:9f:c2:00:00:09')).slice(
        0,
        4,
      ),
    ).toEqual(['demo-cam', 'f0:9f:c2:00:00:09', 'unknown', 'Wired · Cameras · VLAN 40'])
  })

  it('"Mark as known" with a name calls the bridge with that MAC and name, and the row then shows as known', async () => {
    const api = seededBridge()
    render(<ClientsScreen api={api} />)
    await screen.findByRole('table', { name: '4 clients' })
    fireEvent.change(within(row(PI)).getByRole('textbox', { name: `Name for ${PI} (optional)` }), {
      target: { value: '  Lab Pi ' },
    })
    fireEvent.click(within(row(PI)).getByRole('button', { name: 'Mark as known' }))

    await waitFor(() => expect(cells(row(PI))[5]).toBe('Known: Lab Pi'))
    expect(api.markClientKnown).toHaveBeenCalledTimes(1)
    expect(api.markClientKnown.mock.calls[0]?.[0]).toStrictEqual({ mac: PI, name: 'Lab Pi' })
    expect(cells(row(PI))[0]).toBe('Lab Pi')
    expect(within(row(PI)).queryByRole('textbox')).toBeNull()
    expect(screen.getByTestId('clients-notice')).toHaveTextContent(
      'Lab Pi is marked as known: it will not be listed as new again.',
    )
    // The other unknown clients keep their form.
    expect(within(row(PHONE)).getByRole('button', { name: 'Mark as known' })).toBeInTheDocument()
    // What the next report reads: the real data folder's list, with the name and the earlier mark kept.
    const known = await readKnownClients(shelves[0]!.dataDir, silentLogger, NOW)
    expect(known.clients.map(({ mac, name }) => ({ mac, name }))).toEqual([
      { mac: PI, name: 'Lab Pi' },
      { mac: NAS, name: 'Family NAS' },
    ])
  })

  it('without a name sends only the MAC, and the notice names the MAC', async () => {
    const api = seededBridge()
    render(<ClientsScreen api={api} />)
    await screen.findByRole('table', { name: '4 clients' })
    fireEvent.change(within(row(PHONE)).getByRole('textbox'), { target: { value: '   ' } })
    fireEvent.click(within(row(PHONE)).getByRole('button', { name: 'Mark as known' }))

    await waitFor(() => expect(cells(row(PHONE))[5]).toBe('Known'))
    expect(api.markClientKnown.mock.calls[0]?.[0]).toStrictEqual({ mac: PHONE })
    // No given name: the row keeps the hostname the controller reported.
    expect(cells(row(PHONE))[0]).toBe('Anna iPhone')
    expect(screen.getByTestId('clients-notice')).toHaveTextContent(`${PHONE} is marked as known`)
    const known = await readKnownClients(shelves[0]!.dataDir, silentLogger, NOW)
    expect(known.clients.find((entry) => entry.mac === PHONE)?.name).toBeNull()
  })

  it('shows the error when marking fails, and the row stays unknown with the name still typed', async () => {
    const api = seededBridge()
    const message = 'The known clients list could not be written (ENOSPC): free some disk space and try again.'
    api.markClientKnown.mockImplementation(() => Promise.resolve(fail({ code: 'INTERNAL', kind: 'internal', message })))
    render(<ClientsScreen api={api} />)
    await screen.findByRole('table', { name: '4 clients' })
    const input = within(row(PI)).getByRole('textbox')
    fireEvent.change(input, { target: { value: 'Lab Pi' } })
    fireEvent.click(within(row(PI)).getByRole('button', { name: 'Mark as known' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(api.markClientKnown.mock.calls[0]?.[0]).toStrictEqual({ mac: PI, name: 'Lab Pi' })
    expect(within(row(PI)).getByRole('textbox')).toHaveValue('Lab Pi')
    expect(cells(row(PI))[0]).toBe('mystery-pi')
    expect(screen.queryByTestId('clients-notice')).toBeNull()
    const known = await readKnownClients(shelves[0]!.dataDir, silentLogger, NOW)
    expect(known.clients.map((entry) => entry.mac)).toEqual([NAS])
  })

  it('shows the error when the inventory cannot be read', async () => {
    const api = seededBridge()
    const message = 'The client inventory could not be read (EACCES).'
    api.listClients.mockImplementation(() => Promise.resolve(fail({ code: 'INTERNAL', kind: 'internal', message })))
    render(<ClientsScreen api={api} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(screen.queryByText('Loading clients…')).toBeNull()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('exports the inventory as CSV into the reports folder, known names included', async () => {
    const api = seededBridge()
    render(<ClientsScreen api={api} />)
    await screen.findByRole('table', { name: '4 clients' })
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))

    const path = join(shelves[0]!.reportsDir, 'clients-2026-12-04-120000.csv')
    // Four real clients and the demo one.
    expect(await screen.findByTestId('clients-notice')).toHaveTextContent(`Exported 5 clients to ${path}.`)
    const lines = (await readFile(path, 'utf8')).split('\r\n')
    expect(lines).toHaveLength(7) // header, five clients, and the empty string after the last CRLF
    expect(lines.find((line) => line.includes(NAS))).toBe(
      `default,no,${NAS},nas,Family NAS,Synology,wired,,LAN,,no,no,${at(30)},${at(0)}`,
    )
    expect(lines.find((line) => line.includes(PRIVATE))).toBe(
      `default,no,${PRIVATE},,,,wireless,Guest WiFi,Guest,30,yes,yes,${at(10)},${at(0)}`,
    )
  })

  it('offers no export while there are no clients, and says why the list is empty', async () => {
    await rm(join(root, 'data', CLIENTS_FILE))
    await rm(join(root, 'data', 'demo', CLIENTS_FILE))
    const api = seededBridge()
    render(<ClientsScreen api={api} />)
    expect(await screen.findByTestId('clients-empty')).toHaveTextContent('the first report of a site records them')
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  })

  it('shows the error when the export fails', async () => {
    const api = seededBridge()
    const message = 'The reports folder /r is not writable.'
    api.exportClients.mockImplementation(() => Promise.resolve(fail({ code: 'INTERNAL', kind: 'internal', message })))
    render(<ClientsScreen api={api} />)
    await screen.findByRole('table', { name: '4 clients' })
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(message)
    expect(api.exportClients).toHaveBeenCalledTimes(1)
    expect(screen.queryByTestId('clients-notice')).toBeNull()
  })
})
