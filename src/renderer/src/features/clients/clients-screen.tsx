import { useEffect, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { ClientInventory, InventoryClientView } from '../../../../shared/ipc/insights.js'
import { Banner } from '../../components/banner.js'
import { formatDateTime } from '../../lib/format.js'

/** The client inventory per site: who is on the network, what is new, and "Mark as known" with an optional name. */
export function ClientsScreen({ api }: { api: BridgeApi }) {
  const [inventory, setInventory] = useState<ClientInventory | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void api.listClients().then((result) => {
      if (!live) return
      if (result.ok) setInventory(result.value)
      else setError(result.error.message)
    })
    return () => {
      live = false
    }
  }, [api])

  async function exportCsv(): Promise<void> {
    setError(null)
    const result = await api.exportClients()
    if (result.ok) setNotice(`Exported ${result.value.clients} clients to ${result.value.path}.`)
    else setError(result.error.message)
  }

  async function markKnown(mac: string, name: string): Promise<void> {
    setError(null)
    const result = await api.markClientKnown(name.trim() === '' ? { mac } : { mac, name: name.trim() })
    if (result.ok) {
      setInventory(result.value)
      setNotice(`${name.trim() || mac} is marked as known: it will not be listed as new again.`)
    } else setError(result.error.message)
  }

  const total = inventory?.sites.reduce((sum, site) => sum + site.clients.length, 0) ?? 0
  return (
    <div className="stack" data-testid="clients-screen">
      <section className="card" aria-labelledby="clients-title">
        <div className="card-header">
          <h2 id="clients-title">Clients</h2>
          <button type="button" onClick={() => void exportCsv()} disabled={total === 0}>
            Export CSV
          </button>
        </div>
        <p className="muted small">
          Every client a report has seen, per site. A client marked as known is never listed as new again; private
          (randomised) addresses are only counted per network in the reports.
        </p>
        {error && <Banner level="error">{error}</Banner>}
        {notice && (
          <p role="status" className="small" data-testid="clients-notice">
            {notice}
          </p>
        )}
        {inventory?.warning && <Banner level="warning">{inventory.warning}</Banner>}
        {inventory === null ? (
          !error && <p aria-live="polite">Loading clients…</p>
        ) : inventory.sites.length === 0 ? (
          <p data-testid="clients-empty">No clients yet: the first report of a site records them.</p>
        ) : (
          inventory.sites.map((site) => (
            <section key={`${site.demo}-${site.site}`} aria-labelledby={`clients-${site.demo}-${site.site}`}>
              <h3 id={`clients-${site.demo}-${site.site}`}>
                Site {site.site}
                {site.demo && <span className="pill pill-demo">Demo data</span>}
                <span className="muted small"> · baseline {formatDateTime(site.baselineAt)}</span>
              </h3>
              <table className="data-table clients-table">
                <caption>{site.clients.length} clients</caption>
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">MAC</th>
                    <th scope="col">Manufacturer</th>
                    <th scope="col">Connection</th>
                    <th scope="col">First seen</th>
                    <th scope="col">Known</th>
                  </tr>
                </thead>
                <tbody>
                  {site.clients.map((client) => (
                    <ClientRow key={client.mac} client={client} onMark={markKnown} />
                  ))}
                </tbody>
              </table>
            </section>
          ))
        )}
      </section>
    </div>
  )
}

function ClientRow({
  client,
  onMark,
}: {
  client: InventoryClientView
  onMark: (mac: string, name: string) => Promise<void>
}) {
  const [name, setName] = useState('')
  const id = `known-${client.mac.replace(/:/g, '')}`
  const connection = client.wired ? 'Wired' : client.ssid ? `Wi-Fi "${client.ssid}"` : 'Wi-Fi'
  return (
    <tr data-testid={`client-${client.mac}`}>
      <th scope="row">
        {client.knownName ?? client.name ?? '(no name)'}
        {client.randomised && <span className="pill">private address</span>}
      </th>
      <td className="mono">{client.mac}</td>
      <td>{client.manufacturer ?? 'unknown'}</td>
      <td>
        {connection}
        {client.network ? ` · ${client.network}` : ''}
        {client.vlan === null ? '' : ` · VLAN ${client.vlan}`}
        {client.guest ? ' · guest' : ''}
      </td>
      <td>{formatDateTime(client.firstSeen)}</td>
      <td>
        {client.known ? (
          <span className="pill pill-ok">Known{client.knownName ? `: ${client.knownName}` : ''}</span>
        ) : (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault()
              void onMark(client.mac, name)
            }}
          >
            <label htmlFor={id} className="visually-hidden">
              Name for {client.mac} (optional)
            </label>
            <input
              id={id}
              value={name}
              maxLength={100}
              placeholder="Name (optional)"
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit">Mark as known</button>
          </form>
        )}
      </td>
    </tr>
  )
}
