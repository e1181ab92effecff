import type { BridgeApi } from '../../shared/ipc/bridge.js'
import { StatusScreen } from './features/status/status-screen.js'

/** Root component. Screens get the bridge as a prop so tests can hand them a typed double. */
export function App({ api }: { api: BridgeApi }) {
  return <StatusScreen api={api} />
}
