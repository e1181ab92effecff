/**
 * The exact `report --json` shape (also one line per run of `schedule --json`), with the zod
 * schema the CLI and its end-to-end tests validate against.
 */
import { z } from 'zod'
import { deliveryResultSchema } from '../delivery/result.js'
import type { IntegrationOutcome } from '../integrations/contract.js'
import type { RunOutcome } from './outcome.js'

const count = z.number().int().min(0)

export const runJsonIntegrationSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'failed', 'needs-attention', 'partial-config', 'paused', 'not-configured']),
  reason: z.string().nullable(),
  missing: z.array(z.string()),
  breaker: z.enum(['closed', 'open', 'half-open']),
  durationMs: z.number().min(0),
  message: z.string().nullable(),
})

const sourceCoverageSchema = z
  .object({
    state: z.enum(['read', 'partial', 'unavailable']),
    records: count,
    rejected: count,
    reason: z.string().nullable(),
  })
  .strict()

export const runJsonSchema = z
  .object({
    ok: z.boolean(),
    exitCode: z.number().int().min(0).max(6),
    complete: z.boolean(),
    coverage: z
      .object({
        events: sourceCoverageSchema,
        alarms: sourceCoverageSchema,
        threats: sourceCoverageSchema,
        devices: sourceCoverageSchema,
        health: sourceCoverageSchema,
        posture: sourceCoverageSchema,
      })
      .strict(),
    report: z.object({
      html: z.string().nullable(),
      text: z.string().nullable(),
      findings: z.object({ severe: count, medium: count, low: count }),
      threats: count,
      unhealthyDevices: count,
    }),
    window: z.object({ since: z.iso.datetime({ offset: true }), until: z.iso.datetime({ offset: true }) }),
    unifi: z.object({
      ok: z.boolean(),
      controller: z.enum(['unifi-os', 'classic']).nullable(),
      version: z.string().nullable(),
      site: z.string().nullable(),
      sources: z.object({ events: z.string(), alarms: z.string(), threats: z.array(z.string()) }),
      error: z.object({ kind: z.string(), message: z.string() }).nullable(),
    }),
    integrations: z.array(runJsonIntegrationSchema),
    delivery: z.array(deliveryResultSchema),
    posture: z
      .object({
        score: z.number().int().min(0).max(100).nullable(),
        grade: z.string().nullable(),
        checks: z.array(
          z
            .object({
              id: z.string(),
              status: z.enum(['gap', 'recommendation', 'unknown', 'ok']),
              severity: z.string(),
              title: z.string(),
            })
            .strict(),
        ),
        compound: z.array(z.object({ id: z.string(), title: z.string() }).strict()),
        previousScore: z.number().int().min(0).max(100).nullable(),
      })
      .strict(),
    changes: z
      .object({
        previous: z.string().nullable(),
        new: count,
        resolved: count,
        recurring: count,
        newClients: count,
        baseline: z.boolean(),
      })
      .strict(),
    timing: z.object({ totalMs: z.number().min(0), unifiMs: z.number().min(0), integrationsMs: z.number().min(0) }),
  })
  .strict()

export type RunJson = z.infer<typeof runJsonSchema>

export function integrationJson(outcome: IntegrationOutcome): RunJson['integrations'][number] {
  const base = {
    id: outcome.id,
    status: outcome.status,
    breaker: outcome.breaker,
    durationMs: Math.round(outcome.durationMs),
  }
  switch (outcome.status) {
    case 'ok':
    case 'not-configured':
      return { ...base, reason: null, missing: [], message: null }
    case 'failed':
      return { ...base, reason: outcome.reason, missing: [], message: outcome.message }
    case 'needs-attention':
      return { ...base, reason: outcome.errorKind, missing: [], message: outcome.message }
    case 'partial-config':
      return { ...base, reason: 'partial-config', missing: [...outcome.missing], message: outcome.message }
    case 'paused':
      return { ...base, reason: 'paused', missing: [], message: outcome.message }
  }
}

export function toRunJson(outcome: RunOutcome): RunJson {
  return {
    ok: outcome.ok,
    exitCode: outcome.exitCode,
    complete: outcome.complete,
    coverage: {
      events: { ...outcome.coverage.events },
      alarms: { ...outcome.coverage.alarms },
      threats: { ...outcome.coverage.threats },
      devices: { ...outcome.coverage.devices },
      health: { ...outcome.coverage.health },
      posture: { ...outcome.coverage.posture },
    },
    report: {
      html: outcome.report.html,
      text: outcome.report.text,
      findings: { ...outcome.report.findings },
      threats: outcome.report.threats,
      unhealthyDevices: outcome.report.unhealthyDevices,
    },
    window: { ...outcome.window },
    unifi: {
      ok: outcome.unifi.ok,
      controller: outcome.unifi.controller,
      version: outcome.unifi.version,
      site: outcome.unifi.site,
      sources: { ...outcome.unifi.sources, threats: [...outcome.unifi.sources.threats] },
      error: outcome.unifi.error ? { kind: outcome.unifi.error.kind, message: outcome.unifi.error.message } : null,
    },
    integrations: outcome.integrations.map(integrationJson),
    delivery: (outcome.delivery ?? []).map((result) => ({ ...result })),
    posture: {
      score: outcome.posture.score,
      grade: outcome.posture.grade,
      checks: outcome.posture.checks.map((c) => ({
        ...c,
        status: c.status as 'gap' | 'recommendation' | 'unknown' | 'ok',
      })),
      compound: outcome.posture.compound.map((c) => ({ ...c })),
      previousScore: outcome.posture.previousScore,
    },
    changes: { ...outcome.changes },
    timing: {
      totalMs: Math.round(outcome.timing.totalMs),
      unifiMs: Math.round(outcome.timing.unifiMs),
      integrationsMs: Math.round(outcome.timing.integrationsMs),
    },
  }
}
