/**
 * A small GraphQL parser for the fake Cloudflare API: one operation with variable definitions, fields with
 * aliases and arguments, nested selections. Enough to execute the analytics queries a client sends and to
 * check their variables the way Cloudflare does; fragments and directives are refused.
 */

export type GqlValue =
  | { kind: 'variable'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: GqlValue[] }
  | { kind: 'object'; fields: Record<string, GqlValue> }

export interface GqlField {
  alias: string | null
  name: string
  args: Record<string, GqlValue>
  selections: GqlField[]
}

export interface GqlOperation {
  name: string | null
  variables: { name: string; type: string }[]
  selections: GqlField[]
}

export class GqlSyntaxError extends Error {}

type Token = { type: 'punct' | 'name' | 'string' | 'number' | 'variable' | 'spread'; value: string }

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const ch = source.charAt(i)
    if (/[\s,]/.test(ch) || ch === '\ufeff') {
      i += 1
    } else if (ch === '#') {
      while (i < source.length && source.charAt(i) !== '\n') i += 1
    } else if ('{}()[]:!=@'.includes(ch)) {
      tokens.push({ type: 'punct', value: ch })
      i += 1
    } else if (source.startsWith('...', i)) {
      tokens.push({ type: 'spread', value: '...' })
      i += 3
    } else if (ch === '$') {
      const match = /^\$([_A-Za-z][_0-9A-Za-z]*)/.exec(source.slice(i))
      if (!match?.[1]) throw new GqlSyntaxError(`Syntax Error: unexpected "$" at ${i}`)
      tokens.push({ type: 'variable', value: match[1] })
      i += match[0].length
    } else if (ch === '"') {
      let j = i + 1
      let value = ''
      while (j < source.length && source.charAt(j) !== '"') {
        if (source.charAt(j) === '\\') {
          value += source.charAt(j + 1)
          j += 2
        } else {
          value += source.charAt(j)
          j += 1
        }
      }
      if (j >= source.length) throw new GqlSyntaxError('Syntax Error: unterminated string')
      tokens.push({ type: 'string', value })
      i = j + 1
    } else {
      const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(i))
      const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i))
      if (name) {
        tokens.push({ type: 'name', value: name[0] })
        i += name[0].length
      } else if (number) {
        tokens.push({ type: 'number', value: number[0] })
        i += number[0].length
      } else {
        throw new GqlSyntaxError(`Syntax Error: unexpected character "${ch}" at ${i}`)
      }
    }
  }
  return tokens
}

export function parseGraphql(source: string): GqlOperation {
  const tokens = tokenize(source)
  let pos = 0
  const peek = (): Token | undefined => tokens[pos]
  const next = (): Token => {
    const token = tokens[pos]
    if (token === undefined) throw new GqlSyntaxError('Syntax Error: unexpected end of document')
    pos += 1
    return token
  }
  const expect = (value: string): void => {
    const token = next()
    if (token.value !== value) throw new GqlSyntaxError(`Syntax Error: expected "${value}", found "${token.value}"`)
  }
  const isPunct = (value: string) => peek()?.type === 'punct' && peek()?.value === value

  const parseType = (): string => {
    let type: string
    if (isPunct('[')) {
      next()
      type = `[${parseType()}]`
      expect(']')
    } else {
      const token = next()
      if (token.type !== 'name') throw new GqlSyntaxError(`Syntax Error: expected a type, found "${token.value}"`)
      type = token.value
    }
    if (isPunct('!')) {
      next()
      type += '!'
    }
    return type
  }

  const parseValue = (): GqlValue => {
    const token = next()
    if (token.type === 'variable') return { kind: 'variable', name: token.value }
    if (token.type === 'string') return { kind: 'string', value: token.value }
    if (token.type === 'number') return { kind: 'number', value: Number(token.value) }
    if (token.type === 'name') {
      if (token.value === 'true' || token.value === 'false') return { kind: 'boolean', value: token.value === 'true' }
      if (token.value === 'null') return { kind: 'null' }
      return { kind: 'enum', value: token.value }
    }
    if (token.value === '[') {
      const values: GqlValue[] = []
      while (!isPunct(']')) values.push(parseValue())
      next()
      return { kind: 'list', values }
    }
    if (token.value === '{') {
      const fields: Record<string, GqlValue> = {}
      while (!isPunct('}')) {
        const key = next()
        if (key.type !== 'name') throw new GqlSyntaxError(`Syntax Error: expected a field name, found "${key.value}"`)
        expect(':')
        fields[key.value] = parseValue()
      }
      next()
      return { kind: 'object', fields }
    }
    throw new GqlSyntaxError(`Syntax Error: unexpected "${token.value}"`)
  }

  const parseSelections = (): GqlField[] => {
    expect('{')
    const fields: GqlField[] = []
    while (!isPunct('}')) {
      const first = next()
      if (first.type === 'spread') throw new GqlSyntaxError('fragments are not supported')
      if (first.type !== 'name') throw new GqlSyntaxError(`Syntax Error: expected a field, found "${first.value}"`)
      let alias: string | null = null
      let name = first.value
      if (isPunct(':')) {
        next()
        alias = name
        const real = next()
        if (real.type !== 'name') throw new GqlSyntaxError(`Syntax Error: expected a field, found "${real.value}"`)
        name = real.value
      }
      const args: Record<string, GqlValue> = {}
      if (isPunct('(')) {
        next()
        while (!isPunct(')')) {
          const key = next()
          if (key.type !== 'name') throw new GqlSyntaxError(`Syntax Error: expected an argument, found "${key.value}"`)
          expect(':')
          args[key.value] = parseValue()
        }
        next()
      }
      if (isPunct('@')) throw new GqlSyntaxError('directives are not supported')
      const selections = isPunct('{') ? parseSelections() : []
      fields.push({ alias, name, args, selections })
    }
    next()
    return fields
  }

  let name: string | null = null
  const variables: { name: string; type: string }[] = []
  if (peek()?.type === 'name') {
    const keyword = next()
    if (keyword.value !== 'query') throw new GqlSyntaxError(`only queries are supported, found "${keyword.value}"`)
    if (peek()?.type === 'name') name = next().value
    if (isPunct('(')) {
      next()
      while (!isPunct(')')) {
        const variable = next()
        if (variable.type !== 'variable')
          throw new GqlSyntaxError(`Syntax Error: expected a variable, found "${variable.value}"`)
        expect(':')
        variables.push({ name: variable.value, type: parseType() })
        if (isPunct('=')) {
          next()
          parseValue()
        }
      }
      next()
    }
  }
  const selections = parseSelections()
  if (pos < tokens.length) throw new GqlSyntaxError('only one operation per request is supported')
  return { name, variables, selections }
}
