import type { ReportHistoryEntry } from '../../../../shared/ipc/payloads.js'

const TONE: Record<string, string> = { ok: 'pill-ok', partial: 'pill-warn', skipped: 'pill-muted' }

/** How UniFi and each integration fared in this run, as small labelled chips (named as the integration declares). */
export function OutcomeChips({ entry, names = {} }: { entry: ReportHistoryEntry; names?: Readonly<Record<string, string>> }) {
  return (
    <ul className="chips" aria-label="Source outcomes">
      <li className={`pill ${entry.unifi.ok ? 'pill-ok' : 'pill-error'}`} title={entry.unifi.error ?? undefined}>
        UniFi{entry.unifi.site ? ` (${entry.unifi.site})` : ''}: {entry.unifi.ok ? 'ok' : 'failed'}
      </li>
      {entry.incomplete ? (
        <li className="pill pill-warn" title={entry.incomplete}>
          Incomplete
        </li>
      ) : null}
      {entry.integrations.map((integration) => (
        <li
          key={integration.id}
          className={`pill ${TONE[integration.status] ?? 'pill-error'}`}
          title={integration.message ?? undefined}
        >
          {names[integration.id] ?? integration.id}: {integration.status}
        </li>
      ))}
    </ul>
  )
}
