import type { ReactNode } from 'react'

interface SectionCardProps {
  id: string
  title: string
  description?: ReactNode
  badge?: ReactNode
  children: ReactNode
}

/** A titled card that is also a labelled landmark, so screen-reader users can jump between sections. */
export function SectionCard({ id, title, description, badge, children }: SectionCardProps) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {badge}
      </div>
      {description && <div className="card-description">{description}</div>}
      {children}
    </section>
  )
}
