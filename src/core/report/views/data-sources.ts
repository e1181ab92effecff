/**
 * The "Data sources" note: which UniFi endpoints supplied each kind of data and why fallbacks happened, so
 * a reader can tell "the controller had nothing for this period" from "this data could not be read".
 */
import type { SourceAttempt, UnifiCollection } from '../../unifi/model.js'
import type { UnifiResult } from '../input.js'
import type { ReportSection, SectionBlock, Tone } from '../section.js'

const OUTCOME_TEXT: Record<SourceAttempt['outcome'], string> = {
  used: 'used',
  empty: 'answered: nothing in this period',
  unsupported: 'not supported by this controller',
  failed: 'failed',
  skipped: 'skipped',
}

const OUTCOME_TONE: Record<SourceAttempt['outcome'], Tone> = {
  used: 'good',
  empty: 'normal',
  unsupported: 'note',
  failed: 'error',
  skipped: 'note',
}

function attemptRow(attempt: SourceAttempt): { cells: string[]; tone: Tone } {
  const records =
    attempt.outcome === 'used'
      ? ` (${attempt.count.toLocaleString('en-US')}${attempt.truncated ? ', truncated' : ''})`
      : ''
  return {
    cells: [attempt.data, attempt.endpoint, `${OUTCOME_TEXT[attempt.outcome]}${records}`, attempt.detail ?? ''],
    tone: OUTCOME_TONE[attempt.outcome],
  }
}

function collectionBlocks(collection: UnifiCollection, logEntryCount: number | null): SectionBlock[] {
  const { sources } = collection
  const blocks: SectionBlock[] = [
    {
      type: 'facts',
      items: [
        { label: 'Events', value: sources.events },
        { label: 'Alarms', value: sources.alarms },
        { label: 'Threats', value: sources.threats.length > 0 ? sources.threats.join(', ') : 'none' },
        { label: 'Devices read', value: collection.devices.length.toLocaleString('en-US') },
        ...(logEntryCount === null
          ? []
          : [{ label: 'Log entries analysed', value: logEntryCount.toLocaleString('en-US') }]),
      ],
    },
    {
      type: 'table',
      caption: 'Endpoints tried',
      columns: ['Data', 'Endpoint', 'Result', 'Why'],
      rows: sources.attempts.map(attemptRow),
      emptyText: 'The client recorded no endpoint attempts.',
    },
  ]
  if (sources.attempts.some((attempt) => attempt.outcome === 'empty')) {
    blocks.push({
      type: 'paragraph',
      text: '"Nothing in this period" means the controller answered and had no records for the report window; it is not an error.',
    })
  }
  if (collection.warnings.length > 0) blocks.push({ type: 'list', title: 'Warnings', items: collection.warnings })
  return blocks
}

export function buildDataSourcesSection(unifi: UnifiResult, logEntryCount: number | null): ReportSection {
  if (!unifi.ok) {
    return {
      id: 'data-sources',
      title: 'Data sources',
      tone: 'error',
      summary: 'No UniFi data: the controller could not be read.',
      blocks: [
        {
          type: 'paragraph',
          tone: 'error',
          text: `No UniFi data is available for this report because the collection failed: ${unifi.error.message}`,
        },
      ],
    }
  }
  const failed = unifi.collection.sources.attempts.some((attempt) => attempt.outcome === 'failed')
  return {
    id: 'data-sources',
    title: 'Data sources',
    tone: failed ? 'warning' : 'normal',
    summary: failed
      ? 'Some UniFi data could not be read; see the endpoints tried.'
      : 'All UniFi data sources answered.',
    blocks: collectionBlocks(unifi.collection, logEntryCount),
  }
}
