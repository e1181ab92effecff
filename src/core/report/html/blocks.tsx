/** Generic renderer for ReportSection blocks (integrations, data sources, failure notes). */
import type { ReportSection, SectionBlock, Tone } from '../section.js'
import { distinctSummary } from '../section-summary.js'
import { Callout, Card } from './primitives.js'

const toneClass = (tone: Tone | undefined) => (tone && tone !== 'normal' ? `tone-${tone}` : undefined)

function Block({ block }: { block: SectionBlock }) {
  switch (block.type) {
    case 'paragraph':
      return block.tone && block.tone !== 'normal' ? (
        <Callout tone={block.tone}>{block.text}</Callout>
      ) : (
        <p>{block.text}</p>
      )
    case 'subheading':
      return <h3>{block.text}</h3>
    case 'facts':
      return (
        <table className="data" role="presentation">
          <tbody>
            {block.items.map((item, index) => (
              <tr key={index}>
                <th scope="row">{item.label}</th>
                <td className={toneClass(item.tone)}>{item.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )
    case 'list': {
      const items = block.items.map((item, index) => <li key={index}>{item}</li>)
      return (
        <div>
          {block.title ? (
            <p>
              <strong>{block.title}</strong>
            </p>
          ) : null}
          {block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>}
        </div>
      )
    }
    case 'table':
      if (block.rows.length === 0) {
        return (
          <div>
            {block.caption ? <h3>{block.caption}</h3> : null}
            <p className="muted">{block.emptyText ?? 'Nothing to show.'}</p>
          </div>
        )
      }
      return (
        <table className="data">
          {block.caption ? <caption>{block.caption}</caption> : null}
          <thead>
            <tr>
              {block.columns.map((column, index) => (
                <th key={index}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className={toneClass(row.tone)}>
                {row.cells.map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )
  }
}

export function SectionView({ section }: { section: ReportSection }) {
  const summary = distinctSummary(section)
  return (
    <Card id={section.id} tone={section.tone}>
      <h2>{section.title}</h2>
      {summary ? <p className={toneClass(section.tone) ?? 'muted'}>{summary}</p> : null}
      {section.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </Card>
  )
}
