import { useEffect, useRef, useState } from 'react'
import type { BridgeApi } from '../../shared/ipc/bridge.js'
import { Banner } from './components/banner.js'
import { Tabs, type TabItem } from './components/tabs.js'
import { ClientsScreen } from './features/clients/clients-screen.js'
import { ReportsScreen } from './features/reports/reports-screen.js'
import { TrendsScreen } from './features/trends/trends-screen.js'
import { AppNotices } from './features/settings/app-notices.js'
import { SettingsScreen } from './features/settings/settings-screen.js'
import { StatusScreen } from './features/status/status-screen.js'
import { UpdateBanner } from './features/updates/update-banner.js'
import { useAppInfo } from './hooks/use-app-info.js'
import { useAppStatus } from './hooks/use-app-status.js'
import { useIntegrations } from './hooks/use-integrations.js'
import { useSettings } from './hooks/use-settings.js'

type Screen = 'status' | 'settings' | 'reports' | 'trends' | 'clients'

/** Root component. Screens get the bridge as a prop so tests can hand them a typed double. */
export function App({ api, initialScreen = 'status' }: { api: BridgeApi; initialScreen?: Screen }) {
  const [screen, setScreen] = useState<Screen>(initialScreen)
  /** The settings section "Fix in Settings" asked for; focused once the Settings screen shows it. */
  const fixSection = useRef<string | null>(null)
  const info = useAppInfo(api)
  const { status, error, accept } = useAppStatus(api)
  const settings = useSettings(api)
  const integrations = useIntegrations(api)
  const attention = status?.state === 'attention' || status?.state === 'error'

  useEffect(() => {
    if (screen !== 'settings' || fixSection.current === null) return
    const section = document.querySelector<HTMLElement>(`[data-testid="section-${fixSection.current}"]`)
    const field = section?.querySelector<HTMLElement>('input, select, textarea')
    // Settings may still be loading: this runs again when they arrive.
    if (!section || !field) return
    section.scrollIntoView?.({ block: 'start' })
    field.focus()
    fixSection.current = null
  }, [screen, settings.settings])

  function openSettingsAt(id: string): void {
    fixSection.current = id
    setScreen('settings')
  }
  const tabs: TabItem<Screen>[] = [
    { id: 'status', label: 'Status', badge: attention ? '!' : undefined, badgeLabel: 'needs attention' },
    { id: 'settings', label: 'Settings' },
    { id: 'reports', label: 'Reports' },
    { id: 'trends', label: 'Trends' },
    { id: 'clients', label: 'Clients' },
  ]

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <div>
            <h1>UniFi Scanner</h1>
            {info && (
              <p className="muted small" data-testid="app-info">
                Version {info.version} · {info.platform}
                {info.electronVersion ? ` · Electron ${info.electronVersion}` : ''} · Reports in {info.reportsDir}
              </p>
            )}
          </div>
        </div>
        <Tabs items={tabs} selected={screen} onSelect={setScreen} label="Screens" />
      </header>
      <main className="screen" id={`panel-${screen}`} role="tabpanel" aria-labelledby={`tab-${screen}`}>
        <UpdateBanner api={api} />
        <AppNotices api={api} settings={settings.settings} status={status} accept={settings.accept} />
        {error && <Banner level="error">{error.message}</Banner>}
        {screen === 'status' &&
          (status ? (
            <StatusScreen
              api={api}
              status={status}
              integrations={integrations}
              onStatus={accept}
              onFix={openSettingsAt}
            />
          ) : (
            !error && <p aria-live="polite">Loading status…</p>
          ))}
        {screen === 'settings' &&
          (settings.settings ? (
            <SettingsScreen
              api={api}
              settings={settings.settings}
              status={status}
              integrations={integrations}
              accept={settings.accept}
            />
          ) : settings.error ? (
            <Banner level="error">{settings.error.message}</Banner>
          ) : (
            <p aria-live="polite">Loading settings…</p>
          ))}
        {screen === 'reports' && <ReportsScreen api={api} status={status} integrations={integrations} />}
        {screen === 'trends' && <TrendsScreen api={api} />}
        {screen === 'clients' && <ClientsScreen api={api} />}
      </main>
    </div>
  )
}
