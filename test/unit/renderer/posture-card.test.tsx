import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app.js'
import { reportSummarySchema } from '../../../src/shared/ipc/payloads.js'
import { createMockBridge, makeStatus } from './mock-bridge.js'

const lastReport = reportSummarySchema.parse({
  id: 'r1',
  finishedAt: 1_764_800_000_000,
  headline: '2 severe, 3 medium and 1 low findings',
  files: ['/reports/r1.html'],
  posture: {
    score: 64,
    grade: 'D',
    drift: 'Score 71 → 64: new: UPnP is on; still open: device SSH accepts a password.',
    topGaps: [
      { id: 'MGMT-WAN', title: 'Management reachable from the internet', severity: 'critical' },
      { id: 'UPNP-ENABLED', title: 'UPnP is on', severity: 'medium' },
    ],
  },
})

describe('posture card on the Status tab', () => {
  it('shows the score, the grade, the drift and the top gaps of the last report', async () => {
    const { api } = createMockBridge({ status: makeStatus({ state: 'idle', headline: 'Ready', lastReport }) })
    render(<App api={api} />)
    expect(await screen.findByTestId('posture-score')).toHaveTextContent('64/100 · D')
    expect(screen.getByTestId('posture-drift')).toHaveTextContent('Score 71 → 64: new: UPnP is on')
    const gaps = screen.getByTestId('posture-gaps')
    expect(gaps).toHaveTextContent('critical Management reachable from the internet')
    expect(gaps.querySelectorAll('li')).toHaveLength(2)
    expect(screen.queryByTestId('posture-unchecked')).toBeNull()
  })

  it('counts the checks it could not evaluate next to a score', async () => {
    const partly = {
      ...lastReport,
      posture: { ...lastReport.posture!, unchecked: { count: 1, reason: 'rest/wlanconf could not be read (timeout)' } },
    }
    const { api } = createMockBridge({ status: makeStatus({ state: 'idle', headline: 'Ready', lastReport: partly }) })
    render(<App api={api} />)
    expect(await screen.findByTestId('posture-unchecked')).toHaveTextContent(
      '1 check could not be evaluated: rest/wlanconf could not be read (timeout).',
    )
  })

  it('says "could not check" with the reason instead of a score, and shows no card without a posture', async () => {
    const reason = 'the controller refused rest/setting to the API key; a local read-only admin account can read it'
    const noScore = {
      ...lastReport,
      posture: { score: null, grade: null, drift: null, topGaps: [], unchecked: { count: 31, reason } },
    }
    const { api } = createMockBridge({ status: makeStatus({ state: 'idle', headline: 'Ready', lastReport: noScore }) })
    const view = render(<App api={api} />)
    expect(await screen.findByTestId('posture-score')).toHaveTextContent('Could not check')
    expect(screen.getByTestId('posture-unchecked')).toHaveTextContent(`could be checked for a score: ${reason}.`)
    view.unmount()
    const { api: plain } = createMockBridge({
      status: makeStatus({ state: 'idle', headline: 'Ready', lastReport: { ...lastReport, posture: undefined } }),
    })
    render(<App api={plain} />)
    await screen.findByRole('heading', { name: 'Ready' })
    expect(screen.queryByTestId('posture-card')).toBeNull()
  })
})
