/** The integration's knowledge of each address as notes for the threat tables and findings. */
import type { AddressNote } from '../../report/address-notes.js'
import { addressLine } from './describe-address.js'
import type { ThreatIntelData } from './model.js'

export function threatIntelNotes(data: ThreatIntelData): AddressNote[] {
  return data.addresses.map((intel) => ({
    address: intel.address,
    text: addressLine(intel),
    href: intel.reputation ? `${data.checkPageBase}${encodeURIComponent(intel.address)}` : null,
  }))
}
