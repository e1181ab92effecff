/** What every check reads: the posture collection and the few controller facts the advisories need. */
import type { ControllerKind } from '../../unifi/model.js'
import type { PostureCollection } from '../../unifi/posture-model.js'

export interface PostureContext {
  posture: PostureCollection
  controller: { kind: ControllerKind; version: string | null }
}
