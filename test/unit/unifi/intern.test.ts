import { describe, expect, it } from 'vitest'
import { intern, internUnknown } from '../../../src/core/unifi/intern.js'

describe('intern (one shared copy of repetitive event strings)', () => {
  it('returns an equal string for every input and passes null and non-strings through', () => {
    const parsed = JSON.parse('["CLIENT_DEVICES","CLIENT_DEVICES"]') as string[]
    expect(parsed.map((value) => intern(value))).toEqual(['CLIENT_DEVICES', 'CLIENT_DEVICES'])
    expect(intern(null)).toBeNull()
    expect(internUnknown(42)).toBe(42)
    expect(internUnknown(undefined)).toBeUndefined()
    expect(internUnknown('LOW')).toBe('LOW')
  })

  it('keeps long text as given', () => {
    const long = 'x'.repeat(500)
    expect(intern(long)).toBe(long)
  })

  it('keeps working after the pool fills up', () => {
    for (let index = 0; index < 12_000; index += 1) expect(intern(`name-${index}`)).toBe(`name-${index}`)
  })
})
