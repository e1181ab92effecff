/** Public surface of the analysis: `analyse()` plus the helpers other parts (CyberSecure, simulator) reuse. */
export { analyse, type AnalyseOptions } from './analyse.js'
export {
  classifySid,
  isCyberSecureSid,
  isCyberSecureThreat,
  isEtProSignature,
  rulesetOf,
  CYBERSECURE_SID_MIN,
  CYBERSECURE_SID_MAX,
  type SidClass,
} from './sid-classification.js'
export {
  parseEtSignature,
  threatCategoryKey,
  threatCategoryName,
  ET_CATEGORY_NAMES,
  GENERIC_CATEGORY_NAME,
  type ParsedSignature,
} from './threat-categories.js'
export { threatRemediation, threatAdviceFor } from './threat-remediation.js'
export { isBlockedAction, threatSeverity, analyseThreats, SOURCE_IP_THRESHOLD } from './threat-analysis.js'
export { isInternalIp } from './ip-ranges.js'
export { analyseHealth, deviceDisplayName } from './health-analysis.js'
export { formatUptime } from './uptime.js'
export { normaliseMac, normaliseTimestamp } from './normalise-values.js'
export { renderSystemLogText } from './log-entry.js'
export { MAPPED_SYSTEM_LOG_EVENTS } from './system-log-mapping.js'
export { ALL_RULES, REFERENCE_RULE_NAMES } from './rules/index.js'
export type * from './model.js'
