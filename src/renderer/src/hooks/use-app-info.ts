import { useEffect, useState } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { AppInfo } from '../../../shared/ipc/payloads.js'

/** Name, version and folders of the running app; null until main answers (or if it cannot). */
export function useAppInfo(api: BridgeApi): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let active = true
    void api.getAppInfo().then((result) => {
      if (active && result.ok) setInfo(result.value)
    })
    return () => {
      active = false
    }
  }, [api])
  return info
}
