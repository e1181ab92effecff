/**
 * The fake checks credentials the way Cloudflare's token endpoints do, and the client turns each refusal into
 * the hint the user needs (a Global API Key sent as a token, a token sent as a key, an account-owned token).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher, httpRequest } from '../../../src/core/http/index.js'
import { createCloudflareClient } from '../../../src/core/integrations/cloudflare/index.js'
import { zoneSchema } from '../../../src/core/integrations/cloudflare/schemas.js'
import { ScannerError } from '../../../src/core/errors.js'
import { startFakeCloudflare } from '../../../src/simulator/cloudflare/index.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function setup() {
  const fake = await startFakeCloudflare({ token: 'T'.repeat(40) })
  const dispatcher = createDispatcher()
  cleanups.push(
    () => fake.close(),
    () => dispatcher.close(),
  )
  return { fake, dispatcher }
}

describe('fake Cloudflare authentication', () => {
  it('answers a missing header, a non-Bearer header and a wrong token like Cloudflare', async () => {
    const { fake, dispatcher } = await setup()
    const get = (headers: Record<string, string>) => httpRequest({ url: `${fake.url}/zones`, headers, dispatcher })
    const missing = await get({})
    expect(missing.status).toBe(400)
    expect(JSON.parse(missing.text)).toMatchObject({ success: false, errors: [{ code: 9106 }] })
    const globalKey = await get({ authorization: 'a'.repeat(37) })
    expect(globalKey.status).toBe(400)
    expect(JSON.parse(globalKey.text)).toMatchObject({ errors: [{ code: 6003, error_chain: [{ code: 6111 }] }] })
    const wrong = await get({ authorization: `Bearer ${'X'.repeat(40)}` })
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.text)).toMatchObject({ errors: [{ code: 1000, message: 'Invalid API Token' }] })
    const right = await get({ authorization: `Bearer ${fake.token}` })
    expect(right.status).toBe(200)
    expect(right.headers['ratelimit']).toBe('"default";r=1199;t=300')
  })

  it('turns a wrong token into an auth error with a plain hint and no token in it', async () => {
    const { fake, dispatcher } = await setup()
    const client = createCloudflareClient({
      token: 'W'.repeat(40),
      apiUrl: fake.url,
      dispatcher,
      signal: new AbortController().signal,
    })
    const error = (await client.get('/zones', {}, zoneSchema.array()).catch((e: unknown) => e)) as ScannerError
    expect(error).toBeInstanceOf(ScannerError)
    expect(error.kind).toBe('auth')
    expect(error.code).toBe('CLOUDFLARE_TOKEN_INVALID')
    expect(error.message).toContain('Check the API token in the Cloudflare settings')
    expect(error.message).not.toContain('W'.repeat(40))
  })

  it('serves 404 and 405 in the envelope', async () => {
    const { fake, dispatcher } = await setup()
    const headers = { authorization: `Bearer ${fake.token}` }
    const notFound = await httpRequest({ url: `${fake.url}/nope`, headers, dispatcher })
    expect(notFound.status).toBe(404)
    expect(JSON.parse(notFound.text)).toMatchObject({ success: false, errors: [{ code: 7003 }] })
    const wrongMethod = await httpRequest({ url: `${fake.url}/graphql`, headers, dispatcher })
    expect(wrongMethod.status).toBe(405)
  })
})
