/**
 * IPC channel names and the bridge function each one becomes. Kept free of zod and of any other import so the
 * sandboxed preload can bundle it cheaply; the payload schemas live in `contract.ts`, which checks at compile
 * time that both tables list the same channels.
 *
 * Adding a channel: add it here (name → bridge function), give it schemas in `contract.ts`, and a handler in
 * `src/main/ipc/handlers.ts` — the compiler points at every place that is still missing.
 */

/** Renderer → main request/response channels (`domain:action`) and their bridge function names. */
export const INVOKE_BRIDGE = {
  'app:get-info': 'getAppInfo',
  'app:about': 'getAbout',
  'status:get': 'getStatus',
  'status:refresh': 'refreshStatus',
  'settings:get': 'getSettings',
  'settings:update': 'updateSettings',
  'secret:set': 'setSecret',
  'secret:clear': 'clearSecret',
  'secret:session-only': 'setSecretsSessionOnly',
  'unifi:test': 'testUnifiConnection',
  'unifi:trust-certificate': 'trustUnifiCertificate',
  'unifi:use-ca-file': 'useUnifiCaFile',
  'unifi:choose-site': 'chooseUnifiSite',
  'integrations:describe': 'describeIntegrations',
  'integration:test': 'testIntegration',
  'integration:retry-now': 'retryIntegrationNow',
  'integration:set-paused': 'setIntegrationPaused',
  'report:generate': 'generateReport',
  'report:cancel': 'cancelReport',
  'reports:list': 'listReports',
  'reports:open': 'openReport',
  'reports:view': 'viewReport',
  'reports:reveal': 'revealReport',
  'reports:delete': 'deleteReport',
  'reports:demo': 'generateDemoReport',
  'trends:get': 'getTrends',
  'clients:list': 'listClients',
  'clients:mark-known': 'markClientKnown',
  'clients:export': 'exportClients',
  'dialog:choose-folder': 'chooseFolder',
  'update:get': 'getUpdateStatus',
  'update:install': 'installUpdate',
  'update:later': 'postponeUpdate',
  'schedule:preview': 'previewSchedule',
  'delivery:test': 'testDeliveryChannel',
} as const

/** Main → renderer push channels and the bridge subscription function for each. */
export const PUSH_BRIDGE = {
  'status:changed': 'onStatusChanged',
  'integration:changed': 'onIntegrationChanged',
  'reports:changed': 'onReportsChanged',
  'settings:changed': 'onSettingsChanged',
  'update:changed': 'onUpdateChanged',
} as const

export type InvokeChannel = keyof typeof INVOKE_BRIDGE
export type PushChannel = keyof typeof PUSH_BRIDGE

export const INVOKE_CHANNELS = Object.keys(INVOKE_BRIDGE) as InvokeChannel[]
export const PUSH_CHANNELS = Object.keys(PUSH_BRIDGE) as PushChannel[]
