/**
 * "New devices on the network": the clients that joined since the previous report (medium when wired on a
 * trusted network, low on a guest network or over Wi-Fi), the randomised addresses counted per SSID, and the
 * inventory's totals. On the first report of a site it says that the baseline was recorded.
 */
import type { ClientChanges, NewClient } from '../../analysis/clients/inventory.js'
import { formatDateTime, parseZonedIso } from '../../time.js'
import type { ReportSection, SectionBlock } from '../section.js'
import { plural } from './cap.js'

const MAX_ROWS = 50

const when = (iso: string | null, timeZone: string): string => {
  const ms = iso === null ? null : parseZonedIso(iso)
  return ms === null ? (iso ?? '') : formatDateTime(ms, timeZone)
}

const connection = (client: NewClient): string =>
  client.wired ? 'Wired' : client.ssid === null ? 'Wi-Fi' : `Wi-Fi "${client.ssid}"`

const network = (client: NewClient): string =>
  [
    client.network ?? 'unknown network',
    client.vlan === null ? null : `VLAN ${client.vlan}`,
    client.guest ? 'guest' : null,
  ]
    .filter(Boolean)
    .join(', ')

export function buildClientsSection(changes: ClientChanges, timeZone: string): ReportSection {
  const { totals } = changes
  const inventoryLine =
    `${plural(totals.connected, 'client')} connected now (${totals.wired} wired, ${totals.wireless} wireless)` +
    `${totals.known > 0 ? `, ${totals.known} marked as known` : ''}; the inventory holds ${plural(totals.inventory, 'client')}.`
  if (changes.baseline) {
    return {
      id: 'clients',
      title: 'New devices on the network',
      tone: 'note',
      summary: `Baseline recorded: ${plural(totals.connected, 'client')}.`,
      blocks: [
        {
          type: 'paragraph',
          tone: 'note',
          text:
            `First report of this site: the ${plural(totals.connected, 'connected client')} were recorded as the ` +
            'baseline, and none is listed as new. Clients that join later will be listed here.',
        },
        { type: 'paragraph', text: inventoryLine },
      ],
    }
  }
  const medium = changes.newClients.filter((client) => client.severity === 'medium').length
  const low = changes.newClients.length - medium
  const randomised = changes.randomised.reduce((sum, group) => sum + group.count, 0)
  const since = when(changes.since, timeZone)
  const blocks: SectionBlock[] = []
  if (changes.newClients.length === 0)
    blocks.push({ type: 'paragraph', tone: 'good', text: `No new clients since ${since}.` })
  else {
    blocks.push({
      type: 'paragraph',
      tone: medium > 0 ? 'warning' : 'normal',
      text:
        `${plural(changes.newClients.length, 'client')} joined since ${since} that this site had not seen before. ` +
        (medium > 0
          ? 'A new wired device on a trusted network means someone plugged it in: check that you know it. '
          : '') +
        'Mark the ones you recognise as known in the app (Clients) and they will not be listed again.',
    })
    blocks.push({
      type: 'table',
      caption: 'New clients',
      columns: ['Severity', 'Client', 'MAC', 'Manufacturer', 'Connection', 'Network'],
      rows: changes.newClients.slice(0, MAX_ROWS).map((client) => ({
        cells: [
          client.severity,
          client.name ?? '(no name)',
          client.mac,
          client.manufacturer ?? 'unknown',
          connection(client),
          network(client),
        ],
        tone: client.severity === 'medium' ? 'warning' : 'normal',
      })),
    })
    if (changes.newClients.length > MAX_ROWS)
      blocks.push({
        type: 'paragraph',
        text: `… and ${changes.newClients.length - MAX_ROWS} more new clients not listed.`,
      })
  }
  if (changes.randomised.length > 0)
    blocks.push({
      type: 'list',
      title:
        'Private (randomised) addresses, counted per network and not listed one by one (phones and laptops use a ' +
        'new address per network by default, so each may be a device that was here before)',
      items: changes.randomised.map(
        (group) =>
          `${plural(group.count, 'new private address', 'new private addresses')} on ${group.where}${group.guest ? ' (guest)' : ''}`,
      ),
    })
  blocks.push({ type: 'paragraph', text: inventoryLine })
  return {
    id: 'clients',
    title: 'New devices on the network',
    tone: medium > 0 ? 'warning' : 'normal',
    summary:
      changes.newClients.length === 0
        ? `No new clients${randomised > 0 ? ` (${randomised} private addresses)` : ''}.`
        : `${plural(changes.newClients.length, 'new client')} (${medium} wired on a trusted network)${randomised > 0 ? `, ${randomised} private addresses` : ''}.`,
    blocks,
    findings: { severe: 0, medium, low },
  }
}
