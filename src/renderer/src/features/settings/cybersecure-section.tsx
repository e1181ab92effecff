import type { IntegrationStatus } from '../../../../shared/ipc/payloads.js'
import { SectionCard } from '../../components/section-card.js'
import { MissingFieldsNotice } from './missing-fields-notice.js'

/** CyberSecure has no settings of its own: it reads the gateway's IPS data over the UniFi connection. */
export function CyberSecureSection({ card }: { card: IntegrationStatus | undefined }) {
  return (
    <SectionCard
      id="cybersecure"
      title="CyberSecure"
      description={
        <p>
          Uses the UniFi connection above — there is nothing extra to enter. When the gateway runs CyberSecure
          (Proofpoint ET PRO signatures), its IPS detections are classified in the report.
        </p>
      }
    >
      {card ? (
        <MissingFieldsNotice scope="cybersecure" name="CyberSecure" check={card.configuration} />
      ) : (
        <p className="muted">Its state appears once the status is loaded.</p>
      )}
    </SectionCard>
  )
}
