/**
 * The IPS alert text shared by legacy `msg` and v2 `ips.advanced_information`:
 * `IPS Alert <severity>: <classtype>. Signature <name>. From: <ip>:<port>, to: <ip>:<port>, protocol: <proto>`.
 * Used when structured fields are missing.
 */
export interface IpsMessage {
  severity: number | null
  classtype: string | null
  signature: string | null
  srcIp: string | null
  srcPort: number | null
  dstIp: string | null
  dstPort: number | null
  protocol: string | null
}

const PATTERN =
  /^IPS Alert (\d+):\s*(.*?)\.\s+Signature\s+(.*?)\.\s+From:\s*([^,]+),\s*to:\s*([^,]+),\s*protocol:\s*(\S+)/i

export function parseIpsMessage(text: string | null | undefined): IpsMessage | null {
  if (text === null || text === undefined) return null
  const match = PATTERN.exec(text.trim())
  if (match === null) return null
  const [, severity, classtype, signature, from = '', to = '', protocol] = match
  const source = splitHostPort(from)
  const destination = splitHostPort(to)
  return {
    severity: severity === undefined ? null : Number(severity),
    classtype: classtype === undefined || classtype === '' ? null : classtype,
    signature: signature === undefined || signature === '' ? null : signature,
    srcIp: source.ip,
    srcPort: source.port,
    dstIp: destination.ip,
    dstPort: destination.port,
    protocol: protocol?.toUpperCase() ?? null,
  }
}

function splitHostPort(text: string): { ip: string | null; port: number | null } {
  const trimmed = text.trim()
  const match = /^(.*?):(\d+)$/.exec(trimmed)
  // Only IPv4 (or bracketed) addresses carry a `:port` suffix; a bare IPv6 address has many colons.
  if (match?.[1] !== undefined && match[2] !== undefined && (!match[1].includes(':') || match[1].startsWith('['))) {
    return { ip: match[1].replace(/^\[|\]$/g, ''), port: Number(match[2]) }
  }
  return { ip: trimmed === '' ? null : trimmed, port: null }
}
