/**
 * The shape of an event rule. Rules are data: category tables list them, the
 * engine indexes them by event key. Templates are compiled once when the table module loads.
 */
import type { FindingCategory, LogEntry, Severity } from '../model.js'
import { ScannerError } from '../../errors.js'
import { compileTemplate, type CompiledTemplate } from '../placeholders.js'

/**
 * A set of event keys, optionally gated by a message pattern or by a test of the entry's structured fields
 * (gated triggers are tried first; a trigger with both needs both).
 */
export interface RuleTrigger {
  keys: readonly string[]
  pattern?: RegExp
  when?: (entry: LogEntry) => boolean
}

export interface RuleDefinition {
  name: string
  category: FindingCategory
  /** Title prefix, e.g. `Security`; the PoE rules are `system`-like but read as `Device Health`. */
  label: string
  severity: Severity
  triggers: readonly RuleTrigger[]
  title: string
  /** Plain English; must name the UniFi key as `({event_type})` so readers can search for it. */
  description: string
  /** Optional sentence appended only when it renders (e.g. the roaming signal line). */
  detail?: (entry: LogEntry) => string | null
  /** Numbered steps (without numbers; renderers number them). Required for severe and medium rules. */
  remediation?: readonly string[]
}

export interface Rule {
  readonly name: string
  readonly category: FindingCategory
  readonly severity: Severity
  readonly triggers: readonly RuleTrigger[]
  renderTitle: CompiledTemplate
  renderDescription: (entry: LogEntry) => string
  renderRemediation: (entry: LogEntry) => string[]
}

export function defineRule(definition: RuleDefinition): Rule {
  if (!definition.description.includes('({event_type})')) {
    throw new ScannerError('internal', 'ANALYSIS_RULE_WITHOUT_KEY', `Rule ${definition.name} must name its key`)
  }
  if (definition.severity !== 'low' && (definition.remediation?.length ?? 0) === 0) {
    throw new ScannerError('internal', 'ANALYSIS_RULE_WITHOUT_STEPS', `Rule ${definition.name} needs remediation`)
  }
  const title = compileTemplate(`[${definition.label}] ${definition.title}`)
  const description = compileTemplate(definition.description)
  const steps = (definition.severity === 'low' ? [] : (definition.remediation ?? [])).map(compileTemplate)
  return {
    name: definition.name,
    category: definition.category,
    severity: definition.severity,
    triggers: definition.triggers,
    renderTitle: title,
    renderDescription: (entry) => {
      const detail = definition.detail?.(entry)
      const text = description(entry)
      return detail ? `${text} ${detail}` : text
    },
    renderRemediation: (entry) => steps.map((step) => step(entry)),
  }
}
