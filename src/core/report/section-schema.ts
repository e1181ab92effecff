/**
 * Runtime check of ReportSections produced by integrations. A malformed section must degrade to an error
 * note in that section, never break the report.
 */
import { z } from 'zod'
import type { ReportSection } from './section.js'

const tone = z.enum(['normal', 'good', 'note', 'warning', 'error'])

const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string(), tone: tone.optional() }),
  z.object({
    type: z.literal('facts'),
    items: z.array(z.object({ label: z.string(), value: z.string(), tone: tone.optional() })),
  }),
  z.object({
    type: z.literal('table'),
    caption: z.string().optional(),
    columns: z.array(z.string()).min(1),
    rows: z.array(z.object({ cells: z.array(z.string()), tone: tone.optional() })),
    emptyText: z.string().optional(),
  }),
  z.object({
    type: z.literal('list'),
    items: z.array(z.string()),
    ordered: z.boolean().optional(),
    title: z.string().optional(),
  }),
  z.object({ type: z.literal('subheading'), text: z.string() }),
])

const count = z.number().int().min(0)

export const reportSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  tone,
  summary: z.string().optional(),
  blocks: z.array(block),
  findings: z.object({ severe: count, medium: count, low: count }).optional(),
})

/** The section if it is well-formed, else an error note naming the integration. */
export function checkedSection(section: unknown, fallback: { id: string; title: string }): ReportSection {
  const parsed = reportSectionSchema.safeParse(section)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue ? `${issue.path.join('.') || 'section'}: ${issue.message}` : 'invalid section'
  return {
    id: fallback.id,
    title: fallback.title,
    tone: 'error',
    summary: `${fallback.title}: this section could not be shown.`,
    blocks: [
      {
        type: 'paragraph',
        tone: 'error',
        text: `${fallback.title}: the data was fetched but this section could not be shown (${where}). The rest of the report is unaffected.`,
      },
    ],
  }
}
