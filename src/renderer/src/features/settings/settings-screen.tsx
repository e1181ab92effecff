import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { IntegrationDescriptor } from '../../../../shared/ipc/integration-descriptor.js'
import type { AppStatus, SettingsView } from '../../../../shared/ipc/payloads.js'
import { AboutSection } from '../about/about-section.js'
import { AdvancedSection } from './advanced-section.js'
import { DeliverySection } from './delivery-section.js'
import { IntegrationSection } from './integration-section.js'
import { ReportSection } from './report-section.js'
import { ScheduleSection } from './schedule-section.js'
import { UnifiSection } from './unifi-section.js'

interface SettingsScreenProps {
  api: BridgeApi
  settings: SettingsView
  status: AppStatus | null
  /** The registered integrations, one generic section each, in registry order. */
  integrations: readonly IntegrationDescriptor[]
  accept: (settings: SettingsView) => void
}

/**
 * Every setting, one card per source. Each card saves on its own, so a mistake in one never blocks another;
 * secrets are stored the moment they are saved and never shown again.
 */
export function SettingsScreen({ api, settings, status, integrations, accept }: SettingsScreenProps) {
  return (
    <div className="stack" data-testid="settings-screen">
      <UnifiSection api={api} settings={settings} accept={accept} />
      {integrations.map((descriptor) => (
        <IntegrationSection
          key={descriptor.id}
          api={api}
          descriptor={descriptor}
          settings={settings}
          card={status?.integrations?.find((card) => card.id === descriptor.id)}
          accept={accept}
        />
      ))}
      <ReportSection api={api} settings={settings} accept={accept} />
      <ScheduleSection api={api} settings={settings} status={status} accept={accept} />
      <DeliverySection api={api} settings={settings} accept={accept} />
      <AdvancedSection api={api} settings={settings} accept={accept} integrations={integrations} />
      <AboutSection api={api} />
    </div>
  )
}
