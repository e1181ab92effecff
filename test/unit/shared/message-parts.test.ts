import { describe, expect, it } from 'vitest'
import { asSentence, joinMessage } from '../../../src/shared/text/message-parts.js'

describe('joinMessage', () => {
  it('joins parts as written when no punctuation meets', () => {
    expect(joinMessage('Could not write ', 'report.html', ': ', 'disk full', '. Check the folder.')).toBe(
      'Could not write report.html: disk full. Check the folder.',
    )
  })

  it('keeps one full stop where a message that ends in one meets ". …"', () => {
    expect(joinMessage('until its next trial: ', 'The API did not answer.', '. Use "Retry now".')).toBe(
      'until its next trial: The API did not answer. Use "Retry now".',
    )
    expect(joinMessage('Key refused.', '.')).toBe('Key refused.')
  })

  it('lets a sentence end win over a colon, whichever side it is on', () => {
    expect(joinMessage('Cloudflare.', ': the token expired')).toBe('Cloudflare. the token expired')
    expect(joinMessage('The controller refused stat/event: ', '.')).toBe('The controller refused stat/event.')
    expect(joinMessage('Timed out!', '.')).toBe('Timed out!')
    expect(joinMessage('Really?', ', then')).toBe('Really? then')
  })

  it('skips empty parts and keeps marks that do not meet another', () => {
    expect(joinMessage(null, 'a', undefined, false, '', '.')).toBe('a.')
    expect(joinMessage('3 of 4', ', ', 'not 5')).toBe('3 of 4, not 5')
    expect(joinMessage('version 1.2', '.3')).toBe('version 1.2.3')
  })
})

describe('asSentence', () => {
  it('adds the full stop only where there is none', () => {
    expect(asSentence('Must be a number')).toBe('Must be a number.')
    expect(asSentence('Must be a number.')).toBe('Must be a number.')
    expect(asSentence('Enter one of:  ')).toBe('Enter one of.')
    expect(asSentence('Wait…')).toBe('Wait…')
  })
})
