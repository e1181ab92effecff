import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { AppStatus, SettingsView } from '../../../../shared/ipc/payloads.js'
import { AdvancedSection } from './advanced-section.js'
import { CloudflareSection } from './cloudflare-section.js'
import { CyberSecureSection } from './cybersecure-section.js'
import { ReportSection } from './report-section.js'
import { UnifiSection } from './unifi-section.js'

interface SettingsScreenProps {
  api: BridgeApi
  settings: SettingsView
  status: AppStatus | null
  accept: (settings: SettingsView) => void
}

/**
 * Every setting, one card per source. Each card saves on its own, so a mistake in one never blocks another;
 * secrets are stored the moment they are saved and never shown again.
 */
export function SettingsScreen({ api, settings, status, accept }: SettingsScreenProps) {
  const cybersecure = status?.integrations?.find((card) => card.id === 'cybersecure')
  return (
    <div className="stack" data-testid="settings-screen">
      <UnifiSection api={api} settings={settings} accept={accept} />
      <CloudflareSection api={api} settings={settings} accept={accept} />
      <CyberSecureSection card={cybersecure} />
      <ReportSection api={api} settings={settings} accept={accept} />
      <AdvancedSection api={api} settings={settings} accept={accept} />
    </div>
  )
}
