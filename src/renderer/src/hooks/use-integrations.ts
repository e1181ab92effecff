import { useEffect, useState } from 'react'
import type { BridgeApi } from '../../../shared/ipc/bridge.js'
import type { IntegrationDescriptor } from '../../../shared/ipc/integration-descriptor.js'

/**
 * The registered integrations as main describes them (fields, labels, help, attribution); an empty list until
 * main answers. They do not change while the app runs, so they are asked for once.
 */
export function useIntegrations(api: BridgeApi): IntegrationDescriptor[] {
  const [descriptors, setDescriptors] = useState<IntegrationDescriptor[]>([])
  useEffect(() => {
    let active = true
    void api.describeIntegrations().then((result) => {
      if (active && result.ok) setDescriptors(result.value)
    })
    return () => {
      active = false
    }
  }, [api])
  return descriptors
}
