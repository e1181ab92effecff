/**
 * A hostile classic controller on loopback HTTPS: it logs in like a real one, then answers each data
 * endpoint with whatever fault the test scripts (5xx, invalid JSON, HTML, reset, redirect, hang, slow
 * drip, type-confused records, 1 MB strings, huge arrays, the run's secrets echoed in error bodies).
 */
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServerCertificate } from '../../../../src/simulator/unifi/certificate.js'

export type HostileMode =
  | 'ok'
  | 'status-500'
  | 'invalid-json'
  | 'html'
  | 'reset'
  | 'redirect'
  | 'hang'
  | 'drip'
  | 'type-confused'
  | 'huge-strings'
  | 'huge-array'
  | 'echo-secrets'

/** Legacy endpoints after `/api/s/default/` that a report reads. */
export type HostileEndpoint =
  | 'stat/device'
  | 'stat/health'
  | 'stat/sta'
  | 'rest/setting'
  | 'stat/event'
  | 'list/alarm'
  | 'stat/alarm'
  | 'stat/ips/event'

export const DATA_ENDPOINTS: readonly HostileEndpoint[] = [
  'stat/device',
  'stat/health',
  'stat/sta',
  'rest/setting',
  'stat/event',
  'list/alarm',
  'stat/alarm',
  'stat/ips/event',
]

export interface HostileController {
  url: string
  fingerprint: string
  username: string
  password: string
  /** Mode per endpoint; endpoints not listed answer normally. */
  modes: Partial<Record<HostileEndpoint, HostileMode>>
  /** Answer the login with HTTP 400 api.err.Invalid (a classic controller's wrong password). */
  rejectLogin: boolean
  requests: string[]
  close(): Promise<void>
}

const MEGABYTE_NAME = 'N'.repeat(1024 * 1024)

export async function startHostileController(): Promise<HostileController> {
  const certificate = await createServerCertificate('hostile-controller')
  const open = new Set<ServerResponse>()
  const timers = new Set<NodeJS.Timeout>()
  const state: Omit<HostileController, 'url' | 'fingerprint' | 'close'> = {
    username: 'admin',
    password: 'hostile-secret-pw-8472',
    modes: {},
    rejectLogin: false,
    requests: [],
  }
  const now = () => Date.now()

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const ok = (res: ServerResponse, data: unknown[]) => json(res, 200, { meta: { rc: 'ok' }, data })

  const goodData = (endpoint: HostileEndpoint): unknown[] => {
    switch (endpoint) {
      case 'stat/device':
        return [
          { mac: '74:ac:b9:00:00:01', name: 'Hall AP', type: 'uap', model: 'U6LR', state: 1, version: '6.6.77' },
          { mac: '74:ac:b9:00:00:02', name: 'Core Switch', type: 'usw', model: 'US24', state: 1 },
        ]
      case 'stat/health':
        return [{ subsystem: 'wan', status: 'ok' }]
      case 'stat/sta':
        return [{ mac: '00:11:22:33:44:55' }]
      case 'rest/setting':
        return [{ key: 'ips', ips_mode: 'ips' }]
      case 'stat/event':
        return [
          {
            _id: 'e1',
            key: 'EVT_AD_LoginFailed',
            msg: 'Admin login failed from 203.0.113.9',
            ip: '203.0.113.9',
            time: now() - 60_000,
            subsystem: 'lan',
          },
        ]
      case 'list/alarm':
      case 'stat/alarm':
        return []
      case 'stat/ips/event':
        return [
          {
            _id: 'i1',
            timestamp: now() - 120_000,
            src_ip: '198.51.100.7',
            dest_ip: '192.168.1.10',
            proto: 'TCP',
            inner_alert_signature: 'ET SCAN Nmap',
            inner_alert_signature_id: 2009358,
            inner_alert_severity: 2,
            inner_alert_action: 'blocked',
            catname: 'ET SCAN',
          },
        ]
    }
  }

  const confused: unknown[] = [
    'a string',
    42,
    null,
    [1, 2, 3],
    true,
    { mac: 12345, name: { nested: true }, state: 'up', key: { not: 'a key' }, msg: ['x'] },
    { subsystem: 7 },
  ]

  const hostile = (endpoint: HostileEndpoint, mode: HostileMode, req: IncomingMessage, res: ServerResponse) => {
    switch (mode) {
      case 'ok':
        return ok(res, goodData(endpoint))
      case 'status-500':
        return json(res, 500, { meta: { rc: 'error', msg: `internal error, password=${state.password}` }, data: [] })
      case 'echo-secrets':
        // HTTP 200 with an error envelope: the controller's own words end up in the run's messages.
        return json(res, 200, {
          meta: { rc: 'error', msg: `api.err.Weird login ${state.username}:${state.password} ${'x'.repeat(5000)}` },
          data: [],
        })
      case 'invalid-json':
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end('{"meta":{"rc":"ok"},"data":[{"mac":')
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' })
        return res.end(`<html><body><h1>Proxy error</h1><p>${state.password}</p></body></html>`)
      case 'reset':
        return req.socket.destroy()
      case 'redirect':
        res.writeHead(302, { location: 'https://127.0.0.1:1/elsewhere' })
        return res.end()
      case 'hang':
        open.add(res)
        return
      case 'drip': {
        open.add(res)
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"meta":{"rc":"ok"},"data":[')
        const timer = setInterval(() => res.write(' '), 100)
        timers.add(timer)
        return
      }
      case 'type-confused':
        return ok(res, confused)
      case 'huge-strings':
        return ok(
          res,
          goodData(endpoint)
            .slice(0, 1)
            .map((item) =>
              typeof item === 'object' && item !== null
                ? { ...item, ...('msg' in item ? { msg: MEGABYTE_NAME } : { name: MEGABYTE_NAME }) }
                : item,
            ),
        )
      case 'huge-array': {
        const item = goodData(endpoint)[0] ?? { subsystem: 'lan', status: 'ok' }
        return ok(
          res,
          Array.from({ length: 20_000 }, (_, index) =>
            typeof item === 'object' && item !== null && 'mac' in item
              ? { ...item, mac: `02:00:00:${hex(index >> 16)}:${hex((index >> 8) & 255)}:${hex(index & 255)}` }
              : item,
          ),
        )
      }
    }
  }

  const server: Server = createServer({ cert: certificate.certPem, key: certificate.keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const path = url.pathname
    state.requests.push(`${req.method ?? 'GET'} ${path}`)
    req.resume()
    if (path === '/') {
      res.writeHead(302, { location: '/manage' })
      return res.end()
    }
    if (path === '/api/login') {
      if (state.rejectLogin) return json(res, 400, { meta: { rc: 'error', msg: 'api.err.Invalid' }, data: [] })
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'unifises=hostile-session; Path=/' })
      return res.end(JSON.stringify({ meta: { rc: 'ok' }, data: [] }))
    }
    if (path === '/api/logout') return ok(res, [])
    if (!(req.headers.cookie ?? '').includes('unifises=hostile-session')) {
      return json(res, 401, { meta: { rc: 'error', msg: 'api.err.LoginRequired' }, data: [] })
    }
    if (path === '/api/self/sites') return ok(res, [{ name: 'default', desc: 'Default' }])
    if (path === '/api/s/default/stat/sysinfo') return ok(res, [{ version: '8.6.9', hostname: 'hostile' }])
    const endpoint = DATA_ENDPOINTS.find((candidate) => path === `/api/s/default/${candidate}`)
    if (endpoint === undefined) return json(res, 404, { meta: { rc: 'error', msg: 'api.err.NotFound' }, data: [] })
    return hostile(endpoint, state.modes[endpoint] ?? 'ok', req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(state, {
    url: `https://127.0.0.1:${port}`,
    fingerprint: certificate.fingerprint,
    close: async () => {
      for (const timer of timers) clearInterval(timer)
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0')
}
