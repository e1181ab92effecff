import { useRef, type KeyboardEvent } from 'react'

export interface TabItem<T extends string> {
  id: T
  label: string
  /** A small count or marker next to the label (e.g. "!" when something needs attention). */
  badge?: string | undefined
  /** What the badge means, for screen readers. */
  badgeLabel?: string | undefined
}

interface TabsProps<T extends string> {
  items: readonly TabItem<T>[]
  selected: T
  onSelect: (id: T) => void
  label: string
}

/** WAI-ARIA tabs: one tab stop, arrow keys / Home / End move between tabs and select them. */
export function Tabs<T extends string>({ items, selected, onSelect, label }: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>())

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = items.findIndex((item) => item.id === selected)
    const last = items.length - 1
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    const target = items[next]
    if (!target) return
    onSelect(target.id)
    refs.current.get(target.id)?.focus()
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.id}
          ref={(element) => {
            if (element) refs.current.set(item.id, element)
            else refs.current.delete(item.id)
          }}
          type="button"
          role="tab"
          id={`tab-${item.id}`}
          aria-selected={item.id === selected}
          aria-controls={`panel-${item.id}`}
          tabIndex={item.id === selected ? 0 : -1}
          className="tab"
          onClick={() => onSelect(item.id)}
        >
          {item.label}
          {item.badge && (
            <>
              <span className="tab-badge" aria-hidden="true">
                {item.badge}
              </span>
              <span className="visually-hidden"> ({item.badgeLabel ?? item.badge})</span>
            </>
          )}
        </button>
      ))}
    </div>
  )
}
