import { useEffect, useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { AboutInfo } from '../../../../shared/ipc/payloads.js'
import { SectionCard } from '../../components/section-card.js'

/** Version, licence and the attribution lines each integration declares for the data it uses. */
export function AboutSection({ api }: { api: BridgeApi }) {
  const [about, setAbout] = useState<AboutInfo | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    void api.getAbout().then((result) => {
      if (!active) return
      if (result.ok) setAbout(result.value)
      else setFailure(result.error.message)
    })
    return () => {
      active = false
    }
  }, [api])

  const credited = about?.integrations.filter((integration) => integration.attribution.length > 0) ?? []
  return (
    <SectionCard id="about" title="About">
      {failure && <p className="field-error">{failure}</p>}
      {about && (
        <>
          <p data-testid="about-version">
            UniFi Scanner {about.version} · {about.licence} licence
          </p>
          {credited.length > 0 ? (
            <dl className="facts" data-testid="about-attribution">
              {credited.map((integration) => (
                <div key={integration.id} data-testid={`about-${integration.id}`}>
                  <dt>{integration.displayName}</dt>
                  {integration.attribution.map((line) => (
                    <dd key={line}>{line}</dd>
                  ))}
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted small" data-testid="about-attribution">
              No integration uses third-party data that needs attribution.
            </p>
          )}
        </>
      )}
    </SectionCard>
  )
}
