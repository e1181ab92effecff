import type { ConfigurationCheck } from './missing-fields.js'
import { fieldLabel } from './field-labels.js'

interface MissingFieldsNoticeProps {
  scope: string
  name: string
  check: ConfigurationCheck
  /** Labels by key (from the integration's descriptor); otherwise the app's own labels. */
  labels?: Readonly<Record<string, string>>
}

/** "Partial: missing API token" as a warning, or a quiet line when nothing or everything is set. */
export function MissingFieldsNotice({ scope, name, check, labels }: MissingFieldsNoticeProps) {
  if (check.state === 'configured') {
    return (
      <p className="config-line config-ok" data-testid={`${scope}-config`}>
        <span aria-hidden="true">✓</span> {name} is fully configured.
      </p>
    )
  }
  if (check.state === 'not-configured') {
    return (
      <p className="config-line muted" data-testid={`${scope}-config`}>
        {name} is not configured{scope === 'unifi' ? '.' : ' — it is skipped in reports.'}
      </p>
    )
  }
  return (
    <div className="banner banner-warning" role="status" data-testid={`${scope}-config`}>
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-body">
        <strong className="banner-title">{name} is only partly configured</strong>
        <div>
          Missing:
          <ul className="missing-list" data-testid={`${scope}-missing`}>
            {check.missing.map((key) => (
              <li key={key}>{labels?.[key] ?? fieldLabel(scope, key)}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}
