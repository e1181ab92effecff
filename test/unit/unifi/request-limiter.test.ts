import { describe, expect, it } from 'vitest'
import { RequestLimiter, withRank } from '../../../src/core/unifi/request-limiter.js'

function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

describe('RequestLimiter', () => {
  it('never runs more than its limit, and runs the queued ones by rank, then by arrival', async () => {
    const limiter = new RequestLimiter(2)
    const started: string[] = []
    const gates = new Map<string, ReturnType<typeof gate>>()
    let running = 0
    let most = 0
    const exchange = (name: string) => async (): Promise<string> => {
      started.push(name)
      running += 1
      most = Math.max(most, running)
      const g = gate()
      gates.set(name, g)
      await g.promise
      running -= 1
      return name
    }
    const signal = new AbortController().signal
    const calls = [
      withRank(5, () => limiter.run(exchange('late-a'), signal)),
      withRank(5, () => limiter.run(exchange('late-b'), signal)),
      withRank(1, () => limiter.run(exchange('early'), signal)),
      limiter.run(exchange('unranked'), signal),
      withRank(5, () => limiter.run(exchange('late-c'), signal)),
    ]
    await expect.poll(() => started.length).toBe(2)
    // The first turn already sorts by rank: `early` goes out with the first of rank 5.
    expect(started).toEqual(['early', 'late-a'])
    gates.get('early')?.open()
    await expect.poll(() => started.length).toBe(3)
    gates.get('late-a')?.open()
    await expect.poll(() => started.length).toBe(4)
    expect(started).toEqual(['early', 'late-a', 'late-b', 'late-c'])
    gates.get('late-b')?.open()
    gates.get('late-c')?.open()
    await expect.poll(() => started.length).toBe(5)
    gates.get('unranked')?.open()
    expect(await Promise.all(calls)).toEqual(['late-a', 'late-b', 'early', 'unranked', 'late-c'])
    expect(most).toBe(2)
    expect(limiter.peakInFlight).toBe(2)
  })

  it('a caller that gives up while queued leaves without running, and frees nothing it did not hold', async () => {
    const limiter = new RequestLimiter(1)
    const first = gate()
    const holder = limiter.run(() => first.promise, new AbortController().signal)
    const quitter = new AbortController()
    let ran = false
    const queued = limiter.run(() => {
      ran = true
      return Promise.resolve()
    }, quitter.signal)
    quitter.abort()
    await expect(queued).rejects.toMatchObject({ kind: 'aborted' })
    const next = limiter.run(() => Promise.resolve('next'), new AbortController().signal)
    first.open()
    await holder
    expect(await next).toBe('next')
    expect(ran).toBe(false)
    expect(limiter.peakInFlight).toBe(1)
  })

  it('releases the slot when the exchange fails', async () => {
    const limiter = new RequestLimiter(1)
    const signal = new AbortController().signal
    await expect(limiter.run(() => Promise.reject(new Error('refused')), signal)).rejects.toThrow('refused')
    expect(await limiter.run(() => Promise.resolve('after'), signal)).toBe('after')
  })
})
