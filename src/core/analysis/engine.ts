/**
 * The rule engine: indexes rules by event key once, then matches each entry in O(1) plus the pattern
 * checks for that key. For one key, gated triggers (message pattern or structured test) are tried before generic ones (most specific
 * first), each group in registration order; the first match wins.
 */
import type { LogEntry } from './model.js'
import type { Rule, RuleTrigger } from './rules/rule.js'

interface Binding {
  rule: Rule
  /** null: the trigger is not gated. */
  test: ((entry: LogEntry) => boolean) | null
}

function gateOf(trigger: RuleTrigger): Binding['test'] {
  const { pattern, when } = trigger
  if (pattern && when) return (entry) => pattern.test(entry.message) && when(entry)
  if (pattern) return (entry) => pattern.test(entry.message)
  return when ?? null
}

export interface RuleEngine {
  /** The first rule matching any of `keys` (tried in order) for this entry, or null. */
  match(entry: LogEntry, keys: readonly string[]): Rule | null
  /** Every event key some rule listens to (upper-cased). */
  knownKeys(): ReadonlySet<string>
}

export function createRuleEngine(rules: readonly Rule[]): RuleEngine {
  const gated = new Map<string, Binding[]>()
  const generic = new Map<string, Binding[]>()
  for (const rule of rules) {
    for (const trigger of rule.triggers) {
      const test = gateOf(trigger)
      const target = test ? gated : generic
      for (const key of trigger.keys) {
        const normalised = key.toUpperCase()
        const list = target.get(normalised) ?? []
        list.push({ rule, test })
        target.set(normalised, list)
      }
    }
  }
  const index = new Map<string, Binding[]>()
  for (const key of new Set([...gated.keys(), ...generic.keys()])) {
    index.set(key, [...(gated.get(key) ?? []), ...(generic.get(key) ?? [])])
  }

  const exact = new Map<string, Binding[]>()
  for (const rule of rules) {
    for (const trigger of rule.triggers) {
      for (const key of trigger.keys) exact.set(key, index.get(key.toUpperCase()) ?? [])
    }
  }

  return {
    match(entry, keys) {
      for (const key of keys) {
        // Exact spelling first: upper-casing every key of a large window would allocate a string per event.
        const bindings = exact.get(key) ?? index.get(key.toUpperCase())
        if (!bindings) continue
        for (const binding of bindings) {
          if (binding.test === null || binding.test(entry)) return binding.rule
        }
      }
      return null
    },
    knownKeys: () => new Set(index.keys()),
  }
}
