import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { IntegrationDescriptor } from '../../../../shared/ipc/integration-descriptor.js'
import type { AppStatus } from '../../../../shared/ipc/payloads.js'
import { DeliveryCards } from './delivery-cards.js'
import { IntegrationCard } from './integration-card.js'
import { PostureCard } from './posture-card.js'
import { StatusActions } from './status-actions.js'
import { StatusAnnouncer } from './status-announcer.js'
import { StatusCard } from './status-card.js'
import { UnifiCard } from './unifi-card.js'

interface StatusScreenProps {
  api: BridgeApi
  status: AppStatus
  /** What each integration declares (labels, description); cards still show before main has answered. */
  integrations?: readonly IntegrationDescriptor[]
  onStatus: (status: AppStatus) => void
  /** Opens the Settings tab at an integration's fields ("Fix in Settings"). */
  onFix?: (id: string) => void
}

/** The live overview: what the app is doing, the actions that go with it, and one card per source. */
export function StatusScreen({ api, status, integrations: descriptors = [], onStatus, onFix }: StatusScreenProps) {
  const integrations = status.integrations ?? []
  return (
    <div className="stack" data-testid="status-screen">
      <StatusCard status={status} />
      <StatusAnnouncer integrations={integrations} />
      <StatusActions api={api} status={status} onStatus={onStatus} />
      {status.lastReport?.posture && <PostureCard posture={status.lastReport.posture} />}
      {(status.unifi || integrations.length > 0) && (
        <section aria-labelledby="sources-title">
          <h2 id="sources-title" className="section-title">
            Sources
          </h2>
          <div className="card-grid">
            {status.unifi && <UnifiCard card={status.unifi} />}
            {integrations.map((card) => (
              <IntegrationCard
                key={card.id}
                api={api}
                card={card}
                descriptor={descriptors.find((descriptor) => descriptor.id === card.id)}
                onFix={onFix}
              />
            ))}
          </div>
        </section>
      )}
      {status.delivery && <DeliveryCards delivery={status.delivery} />}
    </div>
  )
}
