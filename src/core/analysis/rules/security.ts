/** Security rules: admin logins, rogue APs and DHCP servers, IPS alerts, blocked clients and traffic; each
 * lists every event key real consoles send for it. */
import { defineRule } from './rule.js'

const base = { category: 'security', label: 'Security' } as const

export const SECURITY_RULES = [
  defineRule({
    ...base,
    name: 'admin_login_failed',
    severity: 'severe',
    triggers: [{ keys: ['EVT_AD_LOGIN_FAILED', 'EVT_AD_LoginFailed'] }],
    title: 'Failed admin login from {ip}',
    description:
      'Someone failed to log in to the UniFi controller from {ip} ({event_type}). Repeated failures usually mean password guessing, or a script or app still using an old password.',
    remediation: [
      'Check whether you recognise {ip}: a colleague, your own device, or an integration (Home Assistant, monitoring) with a stale password.',
      'If you do not recognise it, block {ip} with a firewall rule and make sure the controller is not reachable from the internet.',
      'Change the admin password to a long, unique passphrase and update any automation that uses it.',
      'Turn on two-factor authentication for every administrator account.',
      'Restrict controller access to a management VLAN or VPN, and use read-only local accounts or API keys for integrations.',
    ],
  }),
  defineRule({
    ...base,
    name: 'rogue_ap_detected',
    severity: 'severe',
    triggers: [{ keys: ['EVT_AP_RogueAPDetected', 'EVT_ROGUE_AP', 'EVT_AP_DetectRogueAP'] }],
    title: 'Rogue access point detected near {device_name}',
    description:
      'An access point that is not part of your network was seen by {device_name} ({event_type}). It may be a neighbour, a hotspot, or an attacker imitating your WiFi to capture logins.',
    remediation: [
      'Open Insights > Neighbouring access points and note the rogue SSID, BSSID, channel and signal strength.',
      'Walk the area with a phone WiFi analyser to locate it; the strongest signal is usually closest to {device_name}.',
      'If it is plugged into your network, disconnect it and disable or 802.1X-protect the switch port it used.',
      'If it imitates one of your SSIDs, tell users not to join it and change the WiFi password if anyone did.',
      'If it is a legitimate neighbour, move your APs to channels it does not use.',
    ],
  }),
  defineRule({
    ...base,
    name: 'ips_alert',
    severity: 'severe',
    triggers: [{ keys: ['EVT_IPS_Alert', 'EVT_IDS_Alert', 'EVT_THREAT_DETECTED', 'EVT_IPS_IpsAlert'] }],
    title: 'Intrusion Prevention System alert on {device_name}',
    description:
      'The gateway matched traffic against a known threat signature ({event_type}): {message}. See the threat section of this report for the full analysis.',
    remediation: [
      'Review the alert in Insights > Flows (Threats) and note the signature, source and destination.',
      'Identify the internal device involved by its IP or MAC address.',
      'Run an up-to-date malware scan on that device, and update its operating system and apps.',
      'If the device looks compromised, isolate it on a quarantine VLAN or block it until it is cleaned.',
      'Keep the gateway firmware and threat signatures up to date and make sure IPS mode (not detection only) is on.',
      'If the source is external and repeats, add it to a firewall block list or enable region blocking.',
    ],
  }),
  defineRule({
    ...base,
    name: 'admin_login_success',
    severity: 'low',
    triggers: [{ keys: ['EVT_AD_Login', 'EVT_AD_LOGIN'] }],
    title: 'Admin login from {ip}',
    description:
      'An administrator ({user}) logged in to the controller from {ip} ({event_type}). Listed for audit awareness.',
  }),
  defineRule({
    ...base,
    name: 'rogue_dhcp_detected',
    severity: 'severe',
    triggers: [{ keys: ['EVT_SW_DetectRogueDHCP'] }],
    title: 'Rogue DHCP server detected on {device_name}',
    description:
      'Switch {device_name} saw DHCP offers from a server that is not your gateway ({event_type}): {message}. Clients that take its addresses can be cut off or have their traffic redirected.',
    remediation: [
      'Find the offending device from the MAC or port named in the alert, or from the switch port table.',
      'Unplug it: consumer routers and ISP boxes plugged in by mistake are the usual cause.',
      'Enable DHCP Guard on the network (Settings > Networks) with your gateway as the only trusted server.',
      'Renew the DHCP lease on clients that received a wrong address.',
      'If nobody plugged in a router, treat it as an attack: check the device and who had physical access.',
    ],
  }),
  defineRule({
    ...base,
    name: 'client_blocked',
    severity: 'low',
    triggers: [{ keys: ['EVT_WC_Blocked', 'EVT_LC_Blocked'] }],
    title: 'Client {client_mac} was blocked',
    description: 'A client ({client_mac}) was blocked from the network by an administrator ({event_type}).',
  }),
  defineRule({
    ...base,
    name: 'firewall_blocked',
    severity: 'low',
    // v2 system-log only: legacy consoles have no per-policy block event.
    triggers: [{ keys: ['BLOCKED_BY_FIREWALL'] }],
    title: 'Traffic blocked by firewall policy {policy}',
    description: 'A firewall policy ({policy}) blocked traffic as configured ({event_type}): {message}',
  }),
]
