/**
 * The site event stream of the simulated controller: a websocket (`ws`) on the same HTTPS server, at
 * `/proxy/network/wss/s/{site}/events` on UniFi OS and `/wss/s/{site}/events` on classic controllers (a
 * `?clients=v2` query is accepted). The upgrade is authenticated like any data call (the session cookie, or an
 * API key on UniFi OS). Frames are text JSON `{"meta":{"rc":"ok","message":…},"data":[…]}`; pings are
 * answered both as protocol pong frames and as the text `pong` to a text `ping`. The stream faults (drop,
 * refuse, 401, slow pongs, API key refused) are read from the fault book at each upgrade and each message.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Server } from 'node:https'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { resolveAuth } from './server.js'
import { findSite, type ControllerState } from './state.js'
import type { SimulatedEventStream } from './types.js'

const UNIFI_OS_PATH = /^\/proxy\/network\/wss\/s\/([^/]+)\/events$/
const CLASSIC_PATH = /^\/wss\/s\/([^/]+)\/events$/

interface StreamClient {
  socket: WebSocket
  site: string
  sent: number
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ meta: { rc: 'error', msg: reason }, data: [] })
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Service Unavailable'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

export function attachEventStream(server: Server, state: ControllerState): SimulatedEventStream & { close(): void } {
  const wss = new WebSocketServer({ noServer: true, autoPong: false })
  const clients = new Set<StreamClient>()
  const timers = new Set<NodeJS.Timeout>()
  let upgrades = 0
  let accepted = 0
  let pings = 0
  let counter = 0

  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, ms)
    timers.add(timer)
  }

  const answerPing = (client: StreamClient, answer: () => void): void => {
    pings += 1
    const slow = state.faults.first('stream-slow-pongs')
    if (slow === undefined) answer()
    else if (slow.delayMs !== undefined) later(slow.delayMs, () => client.socket.readyState === 1 && answer())
  }

  const sendTo = (client: StreamClient, frame: string): boolean => {
    if (client.socket.readyState !== 1) return false
    const limit = state.faults.first('stream-drop')?.afterMessages
    if (limit !== undefined && client.sent >= limit) return false
    client.sent += 1
    const drop = state.faults.first('stream-drop')
    // Cut once the last allowed frame is on the wire, without a close frame.
    if (drop !== undefined && client.sent >= drop.afterMessages)
      client.socket.send(frame, () => client.socket.terminate())
    else client.socket.send(frame)
    return true
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrades += 1
    const url = new URL(req.url ?? '/', 'https://simulator.invalid')
    const match = (state.persona.unifiOs ? UNIFI_OS_PATH : CLASSIC_PATH).exec(url.pathname)
    const site = match?.[1] === undefined ? undefined : decodeURIComponent(match[1])
    if (site === undefined || findSite(state, site) === undefined) return refuse(socket, 404, 'api.err.NotFound')
    if (state.faults.first('stream-refuse') !== undefined) return refuse(socket, 503, 'api.err.ServiceUnavailable')
    const auth = resolveAuth(state, req)
    const authorised =
      (auth.kind === 'session' && state.sessions.isLive(auth.session)) ||
      (auth.kind === 'api-key' && state.faults.first('stream-refuse-api-key') === undefined)
    if (!authorised || state.faults.takeStream401()) return refuse(socket, 401, 'api.err.LoginRequired')
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted += 1
      const client: StreamClient = { socket: ws, site, sent: 0 }
      clients.add(client)
      ws.on('close', () => clients.delete(client))
      ws.on('error', () => ws.terminate())
      ws.on('ping', (data: Buffer) => answerPing(client, () => ws.pong(data)))
      ws.on('message', (data: Buffer, binary: boolean) => {
        if (!binary && data.toString('utf8') === 'ping') answerPing(client, () => ws.send('pong'))
      })
    })
  })

  const push = (message: string, data: readonly unknown[], site = 'default'): number => {
    const frame = JSON.stringify({ meta: { rc: 'ok', message, product_line: 'network' }, data })
    let delivered = 0
    for (const client of [...clients]) if (client.site === site && sendTo(client, frame)) delivered += 1
    return delivered
  }

  const record = (key: string, fields: Record<string, unknown>, site: string): Record<string, unknown> => {
    const time = state.now()
    counter += 1
    return {
      _id: `${randomBytes(8).toString('hex')}${counter.toString(16).padStart(8, '0')}`,
      key,
      subsystem: key.startsWith('EVT_WU_') || key.startsWith('EVT_WG_') ? 'wlan' : 'lan',
      site_id: findSite(state, site)?.ctx.siteId ?? site,
      time,
      datetime: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      msg: `${key} (simulated live event)`,
      ...fields,
    }
  }

  return {
    push,
    pushEvent(key, fields = {}, site = 'default') {
      const event = record(key, fields, site)
      push('events', [event], site)
      return event
    },
    pushAlarm(key, fields = {}, site = 'default') {
      const alarm = { ...record(key, fields, site), archived: false, handled_admin_id: null }
      push('alert', [alarm], site)
      return alarm
    },
    connections: () => clients.size,
    get upgrades() {
      return upgrades
    },
    get accepted() {
      return accepted
    },
    get pings() {
      return pings
    },
    dropAll() {
      for (const client of [...clients]) client.socket.terminate()
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const client of [...clients]) client.socket.terminate()
      wss.close()
    },
  }
}
