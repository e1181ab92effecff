import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { AppStatus, Notice, SettingsView } from '../../../../shared/ipc/payloads.js'
import { Banner } from '../../components/banner.js'

interface AppNoticesProps {
  api: BridgeApi
  settings: SettingsView | null
  status: AppStatus | null
  accept: (settings: SettingsView) => void
}

const RECOVERED = 'settings-recovered'
const SESSION_ONLY = 'secrets-session-only'

/**
 * Banners above every screen: a settings file that was recovered from corruption, secrets that cannot be
 * protected on disk (with "keep for this session only"), and any other notice main raised.
 */
export function AppNotices({ api, settings, status, accept }: AppNoticesProps) {
  const [error, setError] = useState<string | null>(null)
  const storage = settings?.secretStorage
  const recovery = settings?.recovery ?? null
  const ownIds = new Set<string>([...(recovery ? [RECOVERED] : []), ...(storage ? [SESSION_ONLY] : [])])
  const others: Notice[] = (status?.notices ?? []).filter((notice) => !ownIds.has(notice.id))

  async function setSessionOnly(enabled: boolean): Promise<void> {
    const result = await api.setSecretsSessionOnly({ enabled })
    if (!result.ok) return setError(result.error.message)
    setError(null)
    accept(result.value)
  }

  return (
    <div className="notices">
      {recovery && (
        <Banner level="warning" title="Settings were reset" testId="notice-recovered">
          {recovery.message}
          {!recovery.message.includes(recovery.backupPath) && (
            <>
              {' '}
              A copy of the unreadable file was kept at <code className="path">{recovery.backupPath}</code>.
            </>
          )}
        </Banner>
      )}
      {storage && (storage.warning || storage.mode === 'session-only') && (
        <Banner
          level={storage.mode === 'session-only' ? 'info' : 'warning'}
          title={
            storage.mode === 'session-only' ? 'Secrets are kept for this session only' : 'Secrets are not protected'
          }
          testId="notice-secrets"
        >
          <p className="banner-text">
            {storage.warning ?? 'Passwords, keys and tokens stay in memory and are forgotten when UniFi Scanner quits.'}
          </p>
          {storage.mode === 'encrypted' && !storage.encryptionAvailable && (
            <button type="button" onClick={() => void setSessionOnly(true)}>
              Keep secrets for this session only
            </button>
          )}
          {storage.mode === 'session-only' && storage.encryptionAvailable && (
            <button type="button" onClick={() => void setSessionOnly(false)}>
              Store secrets encrypted instead
            </button>
          )}
          {error && <p className="field-error">{error}</p>}
        </Banner>
      )}
      {others.map((notice) => (
        <Banner key={notice.id} level={notice.level} testId={`notice-${notice.id}`}>
          {notice.message}
        </Banner>
      ))}
    </div>
  )
}
