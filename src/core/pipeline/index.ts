export { runReport } from './run-report.js'
export type {
  PipelineDeps,
  RunReportOptions,
  RunProgress,
  RunPhase,
  UnifiSource,
  IntegrationRunner,
  Analyse,
} from './deps.js'
export type { RunOutcome } from './outcome.js'
export { classifyUnifiError } from './failure.js'
export { runJsonSchema, toRunJson, integrationJson, type RunJson } from './run-json.js'
