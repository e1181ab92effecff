/**
 * Mail over SMTP with nodemailer. TLS modes: `implicit` (TLS from the first byte, port 465), `starttls` (the
 * upgrade is required: a server that does not offer it is refused rather than sent the password in clear) and
 * `none` (only allowed to a relay on this computer, checked by the settings schema). Certificates are always
 * verified. nodemailer's errors are reworded: which step failed and what to do, never the password.
 */
import { readFile } from 'node:fs/promises'
import { createTransport, type Transporter } from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js'
import type { EmailDeliverySettings } from '../../shared/settings.js'
import { DeliveryError } from './errors.js'

export interface EmailMessage {
  subject: string
  html: string
  text: string
  attachments: { filename: string; content: Buffer }[]
}

export const DEFAULT_SMTP_PORT = { implicit: 465, starttls: 587, none: 25 } as const

/**
 * The mail server's extra trust: the PEM of the CA file (or of the server's own self-signed certificate), read
 * fresh for every connection so a renewed file is picked up. Chain and host name are still verified.
 */
export async function readSmtpCa(email: EmailDeliverySettings, label: string): Promise<string | undefined> {
  if (email.caFile === undefined) return undefined
  const pem = await readFile(email.caFile, 'utf8').catch(() => null)
  if (pem === null || !pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new DeliveryError(
      'config',
      'SMTP_CA_FILE',
      `${label}: the CA file for the mail server ${pem === null ? 'could not be read' : 'holds no PEM certificate'}; choose it again.`,
    )
  }
  return pem
}

export function smtpTransport(
  email: EmailDeliverySettings,
  timeoutMs: number,
  caPem?: string,
): Transporter<SMTPTransport.SentMessageInfo> {
  const options: SMTPTransport.Options = {
    host: email.host,
    port: email.port ?? DEFAULT_SMTP_PORT[email.tls],
    secure: email.tls === 'implicit',
    requireTLS: email.tls === 'starttls',
    ignoreTLS: email.tls === 'none',
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(caPem !== undefined ? { ca: caPem } : {}) },
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  }
  if (email.username !== undefined) options.auth = { user: email.username, pass: email.password ?? '' }
  return createTransport(options)
}

/** Sends one message; rejects with a DeliveryError. The transport is closed whatever happens. */
export async function sendEmail(
  email: EmailDeliverySettings,
  message: EmailMessage,
  ctx: { label: string; signal: AbortSignal; timeoutMs: number },
): Promise<void> {
  const transport = smtpTransport(email, ctx.timeoutMs, await readSmtpCa(email, ctx.label))
  const onAbort = () => transport.close()
  ctx.signal.addEventListener('abort', onAbort, { once: true })
  try {
    if (ctx.signal.aborted) throw new DeliveryError('aborted', 'ABORTED', `${ctx.label} was cancelled.`)
    await transport.sendMail({
      from: email.from,
      to: email.to,
      ...(email.bcc.length > 0 ? { bcc: email.bcc } : {}),
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments: message.attachments,
      disableFileAccess: false,
    })
  } catch (error) {
    if (error instanceof DeliveryError) throw error
    if (ctx.signal.aborted) throw new DeliveryError('aborted', 'ABORTED', `${ctx.label} was cancelled.`)
    throw smtpError(ctx.label, error)
  } finally {
    ctx.signal.removeEventListener('abort', onAbort)
    transport.close()
  }
}

/** Connect and, with a user name, sign in: nodemailer's verify, which sends nothing. */
export async function verifyEmail(
  email: EmailDeliverySettings,
  ctx: { label: string; signal: AbortSignal; timeoutMs: number },
): Promise<void> {
  const transport = smtpTransport(email, ctx.timeoutMs, await readSmtpCa(email, ctx.label))
  const onAbort = () => transport.close()
  ctx.signal.addEventListener('abort', onAbort, { once: true })
  try {
    await transport.verify()
  } catch (error) {
    if (ctx.signal.aborted) throw new DeliveryError('aborted', 'ABORTED', `${ctx.label} was cancelled.`)
    throw smtpError(ctx.label, error)
  } finally {
    ctx.signal.removeEventListener('abort', onAbort)
    transport.close()
  }
}

interface SmtpFailure {
  code?: unknown
  responseCode?: unknown
  command?: unknown
}

export function smtpError(label: string, error: unknown): DeliveryError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure
  const code = typeof failure.code === 'string' ? failure.code : ''
  const status = typeof failure.responseCode === 'number' ? failure.responseCode : null
  if (code === 'EAUTH') {
    return new DeliveryError(
      'auth',
      'SMTP_AUTH',
      `${label}: the mail server refused the sign-in${status ? ` (${status})` : ''}; check the SMTP user name and password.`,
    )
  }
  if (
    code === 'ETLS' ||
    (code === 'ESOCKET' && /tls|ssl|certificate|wrong version/i.test(String((error as Error).message)))
  ) {
    return new DeliveryError(
      'tls-untrusted',
      'SMTP_TLS',
      `${label}: the TLS connection to the mail server failed; check the TLS mode and port, and the server's certificate.`,
    )
  }
  if (code === 'ETIMEDOUT') {
    return new DeliveryError('timeout', 'SMTP_TIMEOUT', `${label}: the mail server did not answer in time.`)
  }
  if (code === 'ECONNECTION' || code === 'EDNS' || code === 'ESOCKET' || code === 'ECONNREFUSED') {
    return new DeliveryError(
      'unreachable',
      'SMTP_CONNECT',
      `${label}: the mail server could not be reached; check the host and port.`,
    )
  }
  if (status !== null && status >= 400 && status < 500) {
    return new DeliveryError(
      'server',
      `SMTP_${status}`,
      `${label}: the mail server deferred the message (${status}); it is sent again with the next report.`,
    )
  }
  if (status !== null && status >= 500) {
    return new DeliveryError(
      'config',
      `SMTP_${status}`,
      `${label}: the mail server rejected the message (${status}); check the sender and recipient addresses.`,
    )
  }
  if (/STARTTLS/i.test(error instanceof Error ? error.message : '')) {
    return new DeliveryError(
      'config',
      'SMTP_NO_STARTTLS',
      `${label}: the mail server does not offer STARTTLS, which the TLS mode requires; the message was not sent.`,
    )
  }
  return new DeliveryError('server', 'SMTP_FAILED', `${label}: the mail could not be sent${code ? ` (${code})` : ''}.`)
}
