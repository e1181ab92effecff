/**
 * The controller address as the user typed it: a URL, `host:port` or a bare host. Schemes and paths are
 * stripped (people paste `https://192.168.1.1/network/default/dashboard`); without a port the client
 * probes the usual ones: 443 (UniFi OS consoles), 8443 (classic), 11443 (UniFi OS Server).
 */
import { hasUserinfo, USERINFO_MESSAGE } from '../../shared/url-rules.js'
import { ConfigError } from '../errors.js'

/** UniFi OS consoles, classic self-hosted controllers, UniFi OS Server. */
export const DEFAULT_PROBE_PORTS: readonly number[] = [443, 8443, 11443]

export interface ControllerAddress {
  host: string
  /** Port given by the user; null means "probe". */
  port: number | null
}

export function parseControllerAddress(input: string | undefined): ControllerAddress {
  const trimmed = input?.trim() ?? ''
  if (trimmed === '') {
    throw new ConfigError(
      'No controller address is set. Enter the console address, e.g. 192.168.1.1 or unifi.example.com:8443.',
      ['unifi.url: required'],
    )
  }
  // The address is echoed in messages and reports, so credentials in it are refused without repeating it.
  if (hasUserinfo(trimmed)) {
    throw new ConfigError(`The controller address ${USERINFO_MESSAGE}.`, ['unifi.url: contains credentials'])
  }
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  const hostPort = withoutScheme.split(/[/?#]/)[0] ?? ''
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort)
  const plain = /^([^:]+)(?::(\d+))?$/.exec(hostPort)
  const host = bracketed?.[1] ?? plain?.[1]
  const portText = bracketed ? bracketed[2] : plain?.[2]
  if (host === undefined || host === '') {
    throw new ConfigError(
      `"${trimmed}" is not a valid controller address. Use a host name or IP, optionally with :port.`,
      ['unifi.url: invalid'],
    )
  }
  if (portText === undefined) return { host, port: null }
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`Port ${portText} in "${trimmed}" is not valid (1–65535).`, ['unifi.url: invalid port'])
  }
  return { host, port }
}

export function originOf(host: string, port: number): string {
  const hostPart = host.includes(':') ? `[${host}]` : host
  return `https://${hostPart}:${port}`
}
