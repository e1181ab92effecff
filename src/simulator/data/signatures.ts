/**
 * IPS signatures the simulator draws threats from: ET Open (20xxxxx/21xxxxx), the reputation lists in the
 * 24xxxxx range (Spamhaus DROP, DShield, CIArmy/CINS), ET PRO (28xxxxx, "ETPRO …", i.e. CyberSecure), the
 * Suricata engine (22xxxxx) and one UniFi rule without a SID. Texts follow real rule naming.
 */

export interface Signature {
  /** Signature id; null for a rule that carries none (the record then omits the field). */
  sid: number | null
  text: string
  /** Suricata classtype text, what `inner_alert_category` carries. */
  classtype: string
  /** ET rule-file group; the legacy API sends it as a string or a one-element array. */
  catname: string
  /** Suricata priority: 1 high, 2 medium, 3 low. */
  severity: 1 | 2 | 3
  protocol: 'TCP' | 'UDP' | 'ICMP'
  appProto: string
  /** Destination port of the matching traffic. */
  port: number
  /** Whether the traffic typically comes from outside (true) or from an inside client (false). */
  inbound: boolean
}

export const SIGNATURES: readonly Signature[] = [
  // ET Open
  s(
    2009358,
    'ET SCAN Nmap Scripting Engine User-Agent Detected (Nmap Scripting Engine)',
    'Web Application Attack',
    'emerging-scan',
    1,
    'TCP',
    'http',
    80,
    true,
  ),
  s(2001219, 'ET SCAN Potential SSH Scan', 'Attempted Information Leak', 'emerging-scan', 2, 'TCP', 'failed', 22, true),
  s(
    2010937,
    'ET SCAN Suspicious inbound to mySQL port 3306',
    'Potentially Bad Traffic',
    'emerging-scan',
    2,
    'TCP',
    'failed',
    3306,
    true,
  ),
  s(
    2003337,
    'ET MALWARE Suspicious User Agent (Autoupdate)',
    'A Network Trojan was Detected',
    'emerging-malware',
    1,
    'TCP',
    'http',
    80,
    false,
  ),
  s(
    2027865,
    'ET INFO Observed DNS Query to .cloud TLD',
    'Potentially Bad Traffic',
    'emerging-info',
    3,
    'UDP',
    'dns',
    53,
    false,
  ),
  s(
    2013028,
    'ET POLICY curl User-Agent Outbound',
    'Attempted Information Leak',
    'emerging-policy',
    3,
    'TCP',
    'http',
    80,
    false,
  ),
  s(
    2024792,
    'ET EXPLOIT Possible CVE-2017-9805 Apache Struts RCE',
    'Attempted Administrator Privilege Gain',
    'emerging-exploit',
    1,
    'TCP',
    'http',
    8080,
    true,
  ),
  s(
    2022973,
    'ET TROJAN Possible Kovter Activity',
    'A Network Trojan was Detected',
    'emerging-trojan',
    1,
    'TCP',
    'http',
    80,
    false,
  ),
  s(
    2014726,
    'ET POLICY Outdated Windows Flash Version IE',
    'Potential Corporate Privacy Violation',
    'emerging-policy',
    3,
    'TCP',
    'http',
    80,
    false,
  ),
  s(
    2101201,
    'GPL WEB_SERVER 403 Forbidden',
    'Attempted Information Leak',
    'emerging-web_server',
    3,
    'TCP',
    'http',
    80,
    true,
  ),
  // Reputation lists (ET Open, 24xxxxx)
  s(
    2400022,
    'ET DROP Spamhaus DROP Listed Traffic Inbound group 23',
    'Misc Attack',
    'spamhaus',
    2,
    'UDP',
    'failed',
    36881,
    true,
  ),
  s(
    2400001,
    'ET DROP Spamhaus DROP Listed Traffic Inbound group 2',
    'Misc Attack',
    'spamhaus',
    2,
    'TCP',
    'failed',
    445,
    true,
  ),
  s(2402000, 'ET DROP Dshield Block Listed Source', 'Misc Attack', 'dshield', 2, 'TCP', 'failed', 23, true),
  s(
    2403341,
    'ET CINS Active Threat Intelligence Poor Reputation IP group 42',
    'Misc Attack',
    'ciarmy',
    2,
    'TCP',
    'tls',
    443,
    true,
  ),
  s(
    2403305,
    'ET CINS Active Threat Intelligence Poor Reputation IP group 6',
    'Misc Attack',
    'ciarmy',
    3,
    'TCP',
    'failed',
    8443,
    true,
  ),
  s(
    2404150,
    'ET CNC Shadowserver Reported CnC Server IP group 151',
    'A Network Trojan was Detected',
    'botcc',
    1,
    'TCP',
    'tls',
    443,
    false,
  ),
  s(
    2522504,
    'ET TOR Known Tor Relay/Router (Not Exit) Node Traffic group 505',
    'Misc Attack',
    'tor',
    3,
    'TCP',
    'tls',
    9001,
    false,
  ),
  // ET PRO (CyberSecure)
  s(
    2807913,
    'ETPRO TROJAN Win32/Emotet CnC Activity (POST) M9',
    'A Network Trojan was Detected',
    'emerging-trojan',
    1,
    'TCP',
    'http',
    8080,
    false,
  ),
  s(
    2836723,
    'ETPRO MALWARE Win32/InstallCore.GF Checkin',
    'Possibly Unwanted Program Detected',
    'emerging-malware',
    2,
    'TCP',
    'http',
    80,
    false,
  ),
  s(
    2850000,
    'ETPRO POLICY Observed DNS Query to Dynamic DNS Service',
    'Potentially Bad Traffic',
    'emerging-policy',
    3,
    'UDP',
    'dns',
    53,
    false,
  ),
  s(
    2899999,
    'ETPRO SCAN Zmap Internet Scanner Activity',
    'Detection of a Network Scan',
    'emerging-scan',
    2,
    'TCP',
    'failed',
    8080,
    true,
  ),
  s(
    2800000,
    'ETPRO EXPLOIT Possible Log4j RCE Attempt Inbound',
    'Attempted Administrator Privilege Gain',
    'emerging-exploit',
    1,
    'TCP',
    'http',
    443,
    true,
  ),
  // Suricata engine events (22xxxxx)
  s(
    2210045,
    'SURICATA STREAM Packet with invalid ack',
    'Generic Protocol Command Decode',
    'stream-events',
    3,
    'TCP',
    'failed',
    443,
    true,
  ),
  s(
    2200074,
    'SURICATA TLS invalid record/traffic',
    'Generic Protocol Command Decode',
    'tls-events',
    3,
    'TCP',
    'tls',
    443,
    false,
  ),
  // A UniFi rule that carries no SID
  s(null, 'UniFi Honeypot access attempt', 'Attempted Information Leak', 'honeypot', 2, 'TCP', 'failed', 445, false),
]

function s(
  sid: number | null,
  text: string,
  classtype: string,
  catname: string,
  severity: 1 | 2 | 3,
  protocol: 'TCP' | 'UDP' | 'ICMP',
  appProto: string,
  port: number,
  inbound: boolean,
): Signature {
  return { sid, text, classtype, catname, severity, protocol, appProto, port, inbound }
}

export function signatureAt(index: number): Signature {
  const sig = SIGNATURES[index]
  if (!sig) throw new RangeError(`no signature ${index}`)
  return sig
}

/** Index of the first signature whose SID satisfies the predicate (for the scripted threats). */
export function signatureIndex(pred: (sig: Signature) => boolean): number {
  const index = SIGNATURES.findIndex(pred)
  if (index < 0) throw new RangeError('no such signature')
  return index
}
