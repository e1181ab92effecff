/** The simulated controller's site event stream: paths, authentication, frame shapes, pings and the stream faults. */
import { request } from 'node:https'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

async function login(controller: SimulatedController, path = '/api/auth/login'): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username: 'admin', password: 'demo-password' })
    const req = request(
      `${controller.url}${path}`,
      { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume()
        const cookies = (res.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; ')
        if (res.statusCode === 200 && cookies !== '') resolve(cookies)
        else reject(new Error(`login answered ${String(res.statusCode)}`))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

type Opened = { ws: WebSocket; frames: unknown[] } | { status: number }

function open(controller: SimulatedController, path: string, headers: Record<string, string>): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`wss://127.0.0.1:${controller.port}${path}`, { headers, rejectUnauthorized: false })
    const frames: unknown[] = []
    ws.on('message', (data: Buffer, binary: boolean) => {
      const text = data.toString('utf8')
      frames.push(!binary && text !== 'pong' ? (JSON.parse(text) as unknown) : text)
    })
    ws.once('open', () => resolve({ ws, frames }))
    ws.once('unexpected-response', (_req, res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0 })
      ws.terminate()
    })
    ws.once('error', reject)
  })
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  if (!check()) throw new Error('condition not reached')
}

const OS_PATH = '/proxy/network/wss/s/default/events?clients=v2'

describe('the simulated event stream', () => {
  it('serves a logged-in UniFi OS client events and sync messages in the controller frame format', async () => {
    sim = await startSimulatedController()
    const cookie = await login(sim)
    const opened = await open(sim, OS_PATH, { cookie })
    if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`)
    await until(() => sim?.stream.connections() === 1)
    const event = sim.stream.pushEvent('EVT_AD_LoginFailed', { ip: '203.0.113.7', admin: 'admin' })
    sim.stream.push('device:sync', [{ mac: 'fc:ec:da:00:00:01', state: 0 }])
    sim.stream.pushAlarm('EVT_GW_WANTransition')
    await until(() => opened.frames.length === 3)
    expect(opened.frames[0]).toEqual({ meta: { rc: 'ok', message: 'events', product_line: 'network' }, data: [event] })
    expect(event).toMatchObject({ key: 'EVT_AD_LoginFailed', ip: '203.0.113.7', subsystem: 'lan' })
    expect(typeof event.time).toBe('number')
    expect(event._id).toMatch(/^[0-9a-f]{24}$/)
    expect(opened.frames[1]).toMatchObject({ meta: { message: 'device:sync' } })
    expect(opened.frames[2]).toMatchObject({ meta: { message: 'alert' }, data: [{ key: 'EVT_GW_WANTransition' }] })
    opened.ws.send('ping')
    await until(() => opened.frames.includes('pong'))
    opened.ws.close()
  })

  it('refuses a missing or dead session with 401 and an unknown site with 404; classic uses its own path', async () => {
    sim = await startSimulatedController()
    expect(await open(sim, OS_PATH, {})).toEqual({ status: 401 })
    const cookie = await login(sim)
    expect(await open(sim, '/proxy/network/wss/s/nowhere/events', { cookie })).toEqual({ status: 404 })
    await sim.close()
    sim = await startSimulatedController({ persona: 'classic-8' })
    const classic = await login(sim, '/api/login')
    expect(await open(sim, OS_PATH, { cookie: classic })).toEqual({ status: 404 })
    const opened = await open(sim, '/wss/s/default/events', { cookie: classic })
    expect('ws' in opened).toBe(true)
    if ('ws' in opened) opened.ws.close()
  })

  it('accepts an API key on UniFi OS unless the console refuses it on the stream', async () => {
    sim = await startSimulatedController()
    const withKey = await open(sim, OS_PATH, { 'x-api-key': sim.credentials.apiKey })
    expect('ws' in withKey).toBe(true)
    if ('ws' in withKey) withKey.ws.close()
    sim.setFaults([{ type: 'stream-refuse-api-key' }])
    expect(await open(sim, OS_PATH, { 'x-api-key': sim.credentials.apiKey })).toEqual({ status: 401 })
  })

  it('drops after N messages, refuses upgrades, answers 401 a given number of times and holds pongs back', async () => {
    sim = await startSimulatedController()
    const cookie = await login(sim)
    sim.setFaults([{ type: 'stream-drop', afterMessages: 2 }])
    const opened = await open(sim, OS_PATH, { cookie })
    if (!('ws' in opened)) throw new Error('refused')
    const closed = new Promise<number>((resolve) => opened.ws.once('close', (code) => resolve(code)))
    await until(() => sim?.stream.connections() === 1)
    for (let i = 0; i < 3; i++) sim.stream.pushEvent('EVT_WU_Connected')
    expect(await closed).toBe(1006)
    expect(opened.frames).toHaveLength(2)

    sim.setFaults([{ type: 'stream-refuse' }])
    expect(await open(sim, OS_PATH, { cookie })).toEqual({ status: 503 })
    sim.setFaults([{ type: 'stream-401', times: 1 }])
    expect(await open(sim, OS_PATH, { cookie })).toEqual({ status: 401 })
    const second = await open(sim, OS_PATH, { cookie })
    expect('ws' in second).toBe(true)
    if (!('ws' in second)) return

    sim.setFaults([{ type: 'stream-slow-pongs' }])
    let pongs = 0
    second.ws.on('pong', () => (pongs += 1))
    second.ws.ping()
    second.ws.send('ping')
    await until(() => sim?.stream.pings === 2)
    sim.setFaults([])
    second.ws.ping()
    await until(() => pongs === 1)
    expect(second.frames).not.toContain('pong')
    expect(sim.stream.upgrades).toBe(4)
    expect(sim.stream.accepted).toBe(2)
    second.ws.close()
  })
})
