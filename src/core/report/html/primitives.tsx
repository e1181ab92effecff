import type { ReactNode } from 'react'
import type { Severity } from '../model.js'
import type { Tone } from '../section.js'

const SEVERITY_LABEL: Record<Severity, string> = { severe: 'SEVERE', medium: 'MEDIUM', low: 'LOW' }

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge sev-${severity}`}>{SEVERITY_LABEL[severity]}</span>
}

export function CyberSecureBadge() {
  return (
    <span className="badge cybersecure" title="Detected by CyberSecure enhanced signatures">
      CYBERSECURE
    </span>
  )
}

export function Card({ id, tone, children }: { id: string; tone?: Tone; children: ReactNode }) {
  const accent = tone === 'error' ? ' section-error' : tone === 'warning' ? ' section-warning' : ''
  return (
    <div className={`card${accent}`} id={id}>
      {children}
    </div>
  )
}

export function Callout({ tone, children }: { tone: Tone; children: ReactNode }) {
  const variant =
    tone === 'error' ? ' callout-error' : tone === 'good' ? ' callout-good' : tone === 'note' ? ' callout-note' : ''
  return <div className={`callout${variant}`}>{children}</div>
}

export function More({ count, noun }: { count: number; noun: string }) {
  if (count <= 0) return null
  return (
    <p className="more">
      … and {count.toLocaleString('en-US')} more {noun} not listed.
    </p>
  )
}

export function Steps({ title, steps }: { title: string; steps: readonly string[] }) {
  if (steps.length === 0) return null
  return (
    <div className="actions">
      <strong>{title}</strong>
      <ol>
        {steps.map((step, index) => (
          <li key={index}>{step.replace(/^\d+[.)]\s*/, '')}</li>
        ))}
      </ol>
    </div>
  )
}
