import type { ReactNode } from 'react'

interface BannerProps {
  level: 'info' | 'warning' | 'error' | 'success'
  title?: string
  children: ReactNode
  testId?: string
}

const ICON: Record<BannerProps['level'], string> = { info: 'ℹ', warning: '⚠', error: '✕', success: '✓' }

/** A coloured note with an icon; errors and warnings are announced (role=alert / status). */
export function Banner({ level, title, children, testId }: BannerProps) {
  const role = level === 'error' ? 'alert' : 'status'
  return (
    <div className={`banner banner-${level}`} role={role} data-testid={testId}>
      <span className="banner-icon" aria-hidden="true">
        {ICON[level]}
      </span>
      <div className="banner-body">
        {title && <strong className="banner-title">{title}</strong>}
        <div>{children}</div>
      </div>
    </div>
  )
}
