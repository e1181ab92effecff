export { cybersecureIntegration, CYBERSECURE_REQUIREMENTS } from './integration.js'
export { classifyCyberSecure, normaliseMode } from './classify.js'
export { renderCyberSecureSection } from './section.js'
export type * from './model.js'
