/**
 * A report section as structured content. Integrations (and the core sections that are simple enough)
 * describe what to show with these blocks; the HTML and text renderers turn them into markup or 72-column
 * text. Every string here is plain text: renderers escape it.
 */
export type Tone = 'normal' | 'good' | 'note' | 'warning' | 'error'

export type SectionBlock =
  | { type: 'paragraph'; text: string; tone?: Tone }
  | { type: 'facts'; items: { label: string; value: string; tone?: Tone }[] }
  | {
      type: 'table'
      caption?: string
      columns: string[]
      rows: { cells: string[]; tone?: Tone }[]
      /** Shown instead of the table when there are no rows. */
      emptyText?: string
    }
  | { type: 'list'; items: string[]; ordered?: boolean; title?: string }
  | { type: 'subheading'; text: string }

export interface ReportSection {
  /** Stable id, e.g. `integration-cloudflare`. */
  id: string
  title: string
  /** Drives the section's accent and the summary: ok, a warning, or an error note. */
  tone: Tone
  /** One-line summary shown in the executive summary and the text report's section header. */
  summary?: string
  blocks: SectionBlock[]
  /**
   * Findings this section contributes to the executive summary's severity counts (e.g. a Cloudflare tunnel
   * that is down). Omitted = the section adds no findings.
   */
  findings?: SectionFindingCounts
}

export interface SectionFindingCounts {
  severe: number
  medium: number
  low: number
}
