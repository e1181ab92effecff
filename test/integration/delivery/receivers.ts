/**
 * Real receivers on loopback for delivery tests: an SMTP server (smtp-server) whose mails are parsed with
 * mailparser, and an HTTP webhook receiver that records raw bodies and answers what the test sets.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  parsed: ParsedMail
  raw: string
}

export type SmtpFault = 'none' | 'defer-4xx' | 'reject-5xx' | 'hang'

export interface SmtpReceiver {
  port: number
  mails: ReceivedMail[]
  fault: SmtpFault
  close(): Promise<void>
}

export async function startSmtpReceiver(options: {
  credentials?: { username: string; password: string }
  starttls?: boolean
  /** A certificate for TLS: implicit (TLS from the first byte) or offered through STARTTLS. */
  tls?: { mode: 'implicit' | 'starttls'; keyPem: string; certPem: string }
}): Promise<SmtpReceiver> {
  const receiver = { mails: [] as ReceivedMail[], fault: 'none' as SmtpFault }
  const server = new SMTPServer({
    secure: options.tls?.mode === 'implicit',
    ...(options.tls ? { key: options.tls.keyPem, cert: options.tls.certPem } : {}),
    // Plain SMTP on loopback; STARTTLS is switched off to play a server that does not offer it.
    disabledCommands: options.starttls === false ? ['STARTTLS'] : [],
    allowInsecureAuth: true,
    authOptional: options.credentials === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      const want = options.credentials
      if (want && auth.username === want.username && auth.password === want.password) {
        callback(null, { user: auth.username })
        return
      }
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(_address, _session, callback) {
      if (receiver.fault === 'defer-4xx') {
        callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
        return
      }
      if (receiver.fault === 'reject-5xx') {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }))
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        // A server that takes the message and never answers.
        if (receiver.fault === 'hang') return
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(
          (parsed) => {
            receiver.mails.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              },
              parsed,
              raw,
            })
            callback()
          },
          (error: Error) => callback(error),
        )
      })
    },
  })
  // A client that refuses the certificate drops the connection mid-handshake: expected, not a test failure.
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return Object.assign(receiver, {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

export interface WebhookRequest {
  path: string
  method: string
  headers: IncomingHttpHeaders
  raw: string
}

export interface WebhookReceiver {
  origin: string
  requests: WebhookRequest[]
  /** What the next answers are: status and headers. */
  respond: { status: number; headers: Record<string, string> }
  close(): Promise<void>
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { requests: [] as WebhookRequest[], respond: { status: 200, headers: {} as Record<string, string> } }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      receiver.requests.push({
        path: req.url ?? '',
        method: req.method ?? '',
        headers: req.headers,
        raw: Buffer.concat(chunks).toString('utf8'),
      })
      res.writeHead(receiver.respond.status, receiver.respond.headers)
      res.end(receiver.respond.status < 300 ? 'ok' : 'nope')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(receiver, {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
