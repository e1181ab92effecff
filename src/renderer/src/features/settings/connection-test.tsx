import { useState } from 'react'
import type { BridgeApi } from '../../../../shared/ipc/bridge.js'
import type { SettingsView, UnifiTestRequest, UnifiTestResult } from '../../../../shared/ipc/payloads.js'
import type { IpcFailure } from '../../../../shared/result.js'
import { TrustPrompt } from '../certificates/trust-prompt.js'
import { SitePicker } from './site-picker.js'

type TestState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; result: UnifiTestResult }
  | { phase: 'failed'; failure: IpcFailure }

interface ConnectionTestProps {
  api: BridgeApi
  /** Builds the draft to test (typed values and unsaved secrets); null when the form cannot be tested yet. */
  draft: () => UnifiTestRequest | null
  currentSite: string | undefined
  accept: (settings: SettingsView) => void
}

const KIND_LABEL = { 'unifi-os': 'UniFi OS console', classic: 'Classic Network controller' } as const
const AUTH_LABEL = { 'api-key': 'API key', password: 'Local admin account' } as const

/** "Test connection": controller type, version and sites on success; the trust prompt for a self-signed console. */
export function ConnectionTest({ api, draft, currentSite, accept }: ConnectionTestProps) {
  const [state, setState] = useState<TestState>({ phase: 'idle' })

  async function test(): Promise<void> {
    const request = draft()
    if (!request) return
    setState({ phase: 'running' })
    const result = await api.testUnifiConnection(request)
    setState(result.ok ? { phase: 'done', result: result.value } : { phase: 'failed', failure: result.error })
  }

  return (
    <div className="connection-test">
      <div className="button-row">
        <button type="button" onClick={() => void test()} disabled={state.phase === 'running'}>
          {state.phase === 'running' ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <div aria-live="polite" data-testid="unifi-test-result">
        {state.phase === 'failed' && (
          <div className="banner banner-error" role="alert">
            <span className="banner-icon" aria-hidden="true">
              ✕
            </span>
            <div className="banner-body">
              <strong className="banner-title">Connection failed ({state.failure.kind})</strong>
              <div>{state.failure.message}</div>
            </div>
          </div>
        )}
        {state.phase === 'done' && state.result.outcome === 'connected' && (
          <div className="banner banner-success" data-testid="unifi-connected">
            <span className="banner-icon" aria-hidden="true">
              ✓
            </span>
            <div className="banner-body">
              <strong className="banner-title">Connected</strong>
              <dl className="facts">
                <dt>Controller</dt>
                <dd>{KIND_LABEL[state.result.controller.kind]}</dd>
                <dt>Version</dt>
                <dd>{state.result.controller.version ?? 'unknown'}</dd>
                {state.result.controller.hostname && (
                  <>
                    <dt>Host name</dt>
                    <dd>{state.result.controller.hostname}</dd>
                  </>
                )}
                <dt>Signed in with</dt>
                <dd>{AUTH_LABEL[state.result.controller.authMethod]}</dd>
              </dl>
              <SitePicker api={api} sites={state.result.sites} currentSite={currentSite} accept={accept} />
            </div>
          </div>
        )}
      </div>
      {state.phase === 'done' && state.result.outcome === 'untrusted-certificate' && (
        <TrustPrompt
          api={api}
          fingerprint={state.result.fingerprint}
          message={state.result.message}
          accept={accept}
          onTrusted={() => void test()}
        />
      )}
    </div>
  )
}
