import { useId, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsView } from '../../../../shared/ipc/payloads.js'

interface SitePickerProps {
  api: BridgeApi
  sites: readonly { name: string; description: string }[]
  currentSite: string | undefined
  accept: (settings: SettingsView) => void
}

/** The sites the controller listed; choosing one saves it at once. */
export function SitePicker({ api, sites, currentSite, accept }: SitePickerProps) {
  const selectId = useId()
  const initial = sites.some((site) => site.name === currentSite) ? currentSite! : (sites[0]?.name ?? '')
  const [choice, setChoice] = useState(initial)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)

  if (sites.length === 0) return <p className="muted">The controller listed no sites for this account.</p>

  async function use(): Promise<void> {
    const result = await api.chooseUnifiSite({ site: choice })
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message })
    accept(result.value)
    setMessage({ tone: 'ok', text: `Reports will use the site “${labelOf(choice)}”.` })
  }

  const labelOf = (name: string) => sites.find((site) => site.name === name)?.description || name

  return (
    <div className="site-picker">
      <label htmlFor={selectId}>Site</label>
      <div className="inline-row">
        <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {sites.map((site) => (
            <option key={site.name} value={site.name}>
              {site.description ? `${site.description} (${site.name})` : site.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void use()}>
          Use this site
        </button>
      </div>
      {message && (
        <p className={message.tone === 'error' ? 'field-error' : 'save-ok'} role="status">
          {message.text}
        </p>
      )}
    </div>
  )
}
