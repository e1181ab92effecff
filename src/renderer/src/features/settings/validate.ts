import type { z } from 'zod'
import { asSentence } from '../../../../shared/text/message-parts.js'

/** Field path (dotted, like `report.timezone`) → the message shown under that field. */
export type FieldErrors = Record<string, string>

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/**
 * A number input's text as a number. Blank or malformed text becomes NaN, which the schema refuses — undefined
 * would silently take the schema's default instead of telling the admin the field is empty.
 */
export function numberFrom(text: string): number {
  if (text.trim() === '') return Number.NaN
  const value = Number(text)
  return Number.isFinite(value) ? value : Number.NaN
}

/**
 * Checks a section's draft against the shared zod schema (the same one main applies before saving), turning each
 * issue into a plain-English message under the field it concerns.
 */
export function validateWith<T>(schema: z.ZodType<T>, prefix: string, draft: unknown): Validation<T> {
  const parsed = schema.safeParse(draft)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const path = [prefix, ...issue.path.map(String)].join('.')
    errors[path] ??= describeIssue(issue)
  }
  return { ok: false, errors }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'Enter a number.' : 'This value is not valid.'
    case 'too_small':
      // A list or text bound the schema words itself ("must list at least one recipient") reads better than a figure.
      return ownWords(issue) ? sentence(issue.message) : `Must be at least ${String(issue.minimum)}.`
    case 'too_big':
      return ownWords(issue) ? sentence(issue.message) : `Must be at most ${String(issue.maximum)}.`
    default:
      return sentence(issue.message)
  }
}

function ownWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): boolean {
  return (issue.origin === 'array' || issue.origin === 'string') && !/^too (small|big)/i.test(issue.message)
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1)
  return asSentence(text)
}

/** Errors main returned for a patch (`fieldErrors`), keyed the same way as the form's own. */
export function fromFieldErrors(list: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const { path, message } of list) errors[path] ??= sentence(message)
  return errors
}
