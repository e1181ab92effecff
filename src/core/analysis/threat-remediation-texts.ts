/**
 * Remediation texts per ET threat category: numbered steps for severe
 * threats, one or two sentences for medium, an explanation for low. Placeholders `{src_ip}`, `{dest_ip}`,
 * `{signature}`. Concrete steps only: the reader is the admin who has to act.
 */

export interface ThreatAdvice {
  /** Steps for severe threats; absent for categories that are never an emergency (INFO, GAMES, CHAT). */
  severe?: readonly string[]
  medium: string
  low: string
  /** Shown with the advice: common benign causes of this category. */
  falsePositive?: string
}

const NO_ACTION = 'No action is typically required.'

export const THREAT_ADVICE: Readonly<Record<string, ThreatAdvice>> = {
  SCAN: {
    severe: [
      'Check whether {src_ip} is one of your own devices or a scanner you run; if not, block it at the firewall.',
      'Close or restrict any port forwards that {src_ip} was probing; expose services only through a VPN.',
      'Enable region blocking or a block list for sources that keep scanning.',
      'Check {dest_ip} for unexpected open services and patch what must stay open.',
    ],
    medium:
      'Someone is mapping your network from {src_ip}. Make sure only the services you need are exposed and block the source if it repeats.',
    low: `Routine internet background scanning was seen from {src_ip}. ${NO_ACTION}`,
  },
  MALWARE: {
    severe: [
      'Identify the device at {src_ip} or {dest_ip} that is on your network and disconnect it or move it to a quarantine VLAN.',
      'Run a full scan with an up-to-date anti-malware tool on that device.',
      'Change passwords that were used on that device, from a clean device.',
      'Block the external address involved at the firewall.',
      'Reinstall the device if the scan cannot clean it or the alert returns.',
    ],
    medium:
      'Traffic matching malware ("{signature}") was seen. Scan the internal device involved and update its software.',
    low: `Traffic resembling a known malware pattern was logged. Check the device if the alert repeats; otherwise ${NO_ACTION.toLowerCase()}`,
  },
  POLICY: {
    severe: [
      'Identify the device and user behind {src_ip}.',
      'Check whether the flagged application or service ("{signature}") is allowed on your network.',
      'Block the application with a traffic rule or content filter if it is not allowed.',
      'Tell the user about the policy.',
    ],
    medium:
      'A device used a service that your policy may not allow ("{signature}"). Confirm it is expected or block it with a traffic rule.',
    low: `Policy-related traffic was logged for awareness. ${NO_ACTION}`,
    falsePositive:
      'Streaming services, cloud storage and remote-access tools often trigger policy signatures during normal use.',
  },
  TROJAN: {
    severe: [
      'Disconnect the internal device involved ({src_ip} or {dest_ip}) from the network now.',
      'Scan it with an up-to-date anti-malware tool, offline if possible.',
      'Change every password used on it, from a different device, and enable two-factor authentication.',
      'Block the external command-and-control address at the firewall.',
      'Reinstall the operating system if the infection cannot be removed with certainty.',
      'Check other devices for the same signature.',
    ],
    medium:
      'Trojan-like traffic ("{signature}") was detected. Scan the internal device involved and block the external address.',
    low: `A low-confidence trojan signature matched. Keep an eye on the device; ${NO_ACTION.toLowerCase()}`,
  },
  EXPLOIT: {
    severe: [
      'Find out which service on {dest_ip} was targeted and apply the vendor security updates now.',
      'If the service is exposed through a port forward, remove the forward until it is patched.',
      'Block {src_ip} at the firewall.',
      'Check {dest_ip} for signs of compromise: new accounts, unknown processes, changed files.',
      'Make sure the IPS is in prevention mode so future attempts are blocked.',
    ],
    medium: 'An exploit attempt against {dest_ip} was detected. Patch the targeted service and restrict its exposure.',
    low: `An exploit signature matched with low confidence. Keep systems patched; ${NO_ACTION.toLowerCase()}`,
  },
  DOS: {
    severe: [
      'Check whether your internet connection or {dest_ip} is slow or unreachable.',
      'Block {src_ip} at the firewall if a single source is responsible.',
      'Contact your internet provider for upstream filtering if the attack saturates your line.',
      'Remove unneeded port forwards and hide public services behind a protective proxy such as Cloudflare.',
    ],
    medium:
      'Denial-of-service traffic from {src_ip} was detected. Block the source and watch your connection for slowdowns.',
    low: `Traffic resembling a denial-of-service pattern was logged. ${NO_ACTION}`,
  },
  ATTACK_RESPONSE: {
    severe: [
      'Treat {dest_ip} or {src_ip} (whichever is yours) as compromised: an attack appears to have succeeded.',
      'Disconnect it from the network and preserve its logs.',
      'Check for new accounts, scheduled tasks and unknown software.',
      'Change credentials used on it and restore it from a known-good backup.',
      'Look for the initial attack in earlier threat events and close that hole.',
    ],
    medium:
      'A response that typically follows a successful attack was seen. Check the internal device involved for compromise.',
    low: `A weak attack-response indicator was logged. ${NO_ACTION}`,
  },
  COINMINING: {
    severe: [
      'Identify the device at {src_ip} and remove the mining software.',
      'If nobody installed it on purpose, treat the device as infected: scan it and change its passwords.',
      'Block mining pools with a content filter or traffic rule.',
      'Check for unusual CPU load on servers and containers.',
    ],
    medium: 'A device appears to be mining cryptocurrency. Check whether this is intended and remove the miner if not.',
    low: `Traffic resembling cryptocurrency mining was logged. ${NO_ACTION}`,
  },
  USER_AGENTS: {
    severe: [
      'Identify the device at {src_ip} that sent the suspicious user agent.',
      'Check which program made the request; remove it if it is unknown.',
      'Scan the device for malware.',
      'Block the destination if it is not a service you use.',
    ],
    medium:
      'A device used a web client identity associated with malware or tools ("{signature}"). Check which program on it made the request.',
    low: `An unusual web client identity was logged. ${NO_ACTION}`,
    falsePositive: 'IoT devices, mobile apps, updaters and developer tools often use unusual user agents.',
  },
  DNS: {
    severe: [
      'Identify the device at {src_ip} making the suspicious DNS queries.',
      'Scan it for malware: DNS tunnelling and lookups of malicious domains are typical of infections.',
      'Force all clients to use your gateway or a filtering DNS resolver and block outbound DNS to others.',
      'Enable content filtering or encrypted DNS with threat blocking.',
    ],
    medium:
      'Suspicious DNS activity from {src_ip} was detected. Check the device and route DNS through a filtering resolver.',
    low: `Unusual DNS traffic was logged. ${NO_ACTION}`,
  },
  WEB_CLIENT: {
    severe: [
      'Identify the device at {src_ip} or {dest_ip} whose browser or app received the attack.',
      'Update the browser, its plugins and the operating system.',
      'Scan the device for malware.',
      'Block the malicious website with a content filter.',
    ],
    medium: 'A web page tried to attack a browser on your network. Update browsers and scan the device involved.',
    low: `A low-confidence web client attack signature matched. Keep browsers updated; ${NO_ACTION.toLowerCase()}`,
  },
  WEB_SERVER: {
    severe: [
      'Check the web server at {dest_ip}: apply updates to the server software and web applications.',
      'Review its access logs for requests from {src_ip} that succeeded.',
      'Block {src_ip} and put the server behind a web application firewall (for example Cloudflare).',
      'Remove the port forward if the server does not need to be public.',
    ],
    medium:
      'Your web server at {dest_ip} was attacked from {src_ip}. Keep it patched and consider a web application firewall.',
    low: `Web attack probes were logged; they are common on any public server. ${NO_ACTION}`,
  },
  BOTCC: {
    severe: [
      'Disconnect the internal device talking to the botnet controller ({src_ip} or {dest_ip}) now.',
      'Scan and clean it, or reinstall it if in doubt.',
      'Block the controller address at the firewall.',
      'Change passwords used on the device from a clean device.',
      'Check other devices for the same traffic.',
    ],
    medium: 'A device contacted a known botnet controller. Isolate and scan it.',
    low: `Traffic with a known botnet address was logged. Check the device if it repeats; ${NO_ACTION.toLowerCase()}`,
  },
  COMPROMISED: {
    severe: [
      'Block {src_ip}: it is on a list of compromised hosts.',
      'Check whether any internal device exchanged data with it and scan that device.',
      'Enable the reputation block lists in your IPS settings if they are off.',
      'Restrict exposed services to a VPN.',
    ],
    medium:
      'Traffic with a known compromised host ({src_ip}) was seen. Block it and check the internal device involved.',
    low: `Traffic with a listed compromised host was logged. ${NO_ACTION}`,
  },
  DROP: {
    severe: [
      'Block {src_ip}: it is on the Spamhaus DROP list of hijacked or criminal networks.',
      'Make sure the IPS is in prevention mode so these are dropped automatically.',
      'Check whether any internal device initiated the connection and scan it if so.',
      'Restrict exposed services to a VPN.',
    ],
    medium:
      'Traffic with a network on a reputation block list was seen. Make sure such traffic is blocked automatically.',
    low: `Traffic from a network on a reputation block list was logged. ${NO_ACTION}`,
  },
  DSHIELD: {
    severe: [
      'Block {src_ip}: it is a known active attacker (DShield).',
      'Review which of your services it targeted and restrict them.',
      'Enable region blocking or reputation lists to stop repeat sources.',
      'Check {dest_ip} for signs of compromise.',
    ],
    medium: 'A known attacker ({src_ip}) contacted your network. Block it and limit exposed services.',
    low: `A known attacker was seen probing. ${NO_ACTION}`,
  },
  HUNTING: {
    severe: [
      'Investigate the device at {src_ip} or {dest_ip}: hunting signatures flag behaviour worth a closer look.',
      'Check which program produced the traffic.',
      'Scan the device for malware.',
      'Block the external address if the traffic is not explained.',
    ],
    medium:
      'Traffic matched a threat-hunting signature ("{signature}"). Check the device involved if you do not recognise the activity.',
    low: `A threat-hunting signature matched; these are broad and often benign. ${NO_ACTION}`,
  },
  CURRENT_EVENTS: {
    severe: [
      'Treat the internal device involved as a target of an active campaign: isolate it.',
      'Scan it and apply all security updates.',
      'Block the external address at the firewall.',
      'Warn users about the campaign (phishing lure, fake update) if it relies on them.',
    ],
    medium: 'Traffic linked to an active attack campaign was seen. Check and update the device involved.',
    low: `Traffic linked to a known campaign was logged. ${NO_ACTION}`,
  },
  PHISHING: {
    severe: [
      'Find the user of the device at {src_ip} and ask whether they entered a password on a website.',
      'If so, change that password now and enable two-factor authentication.',
      'Block the phishing site with a content filter.',
      'Warn other users about the lure.',
    ],
    medium:
      'A device reached a phishing site. Check with its user whether credentials were entered and change them if so.',
    low: `Traffic to a suspected phishing site was logged. ${NO_ACTION}`,
  },
  MOBILE_MALWARE: {
    severe: [
      'Identify the phone or tablet at {src_ip}.',
      'Remove apps installed from outside the official store and update the operating system.',
      'Run a mobile security scan or reset the device.',
      'Keep it off the network (or on a guest network) until it is clean.',
    ],
    medium: 'A mobile device shows signs of malware. Check its apps and update it.',
    low: `Traffic resembling mobile malware was logged. ${NO_ACTION}`,
  },
  TOR: {
    severe: [
      'Identify the device at {src_ip} using Tor and check whether that is allowed.',
      'Block Tor with the IPS Tor category or a traffic rule if it is not allowed.',
      'If Tor traffic is inbound, restrict the exposed service.',
      'Scan the device if nobody installed Tor on purpose: some malware uses it.',
    ],
    medium: 'Traffic to or from the Tor anonymity network was seen. Confirm it is expected or block it.',
    low: `Tor network traffic was logged. ${NO_ACTION}`,
  },
  INFO: {
    medium: 'An informational signature matched ("{signature}"). Review it if the traffic is unexpected.',
    low: `Informational traffic was logged. ${NO_ACTION}`,
  },
  P2P: {
    severe: [
      'Identify the device at {src_ip} running peer-to-peer software.',
      'Check whether it is allowed on your network; remove it if not.',
      'Block peer-to-peer traffic with a traffic rule if your policy forbids it.',
      'Check for copyright-infringing downloads that could cause complaints from your provider.',
    ],
    medium: 'Peer-to-peer file sharing was detected on {src_ip}. Confirm it is allowed or block it.',
    low: `Peer-to-peer traffic was logged. ${NO_ACTION}`,
    falsePositive:
      'Game launchers and software updaters (Steam, Blizzard, Windows Update delivery) use peer-to-peer transfers.',
  },
  GAMES: {
    medium: 'Gaming traffic was detected. Allow or restrict it according to your policy.',
    low: `Online gaming traffic was logged. ${NO_ACTION}`,
    falsePositive: 'Game consoles and launchers produce this traffic during normal play and updates.',
  },
  CHAT: {
    medium: 'Chat application traffic was detected. Allow or restrict it according to your policy.',
    low: `Chat application traffic was logged. ${NO_ACTION}`,
    falsePositive: 'Messaging and collaboration apps trigger these signatures during normal use.',
  },
}

/** For categories without their own text. */
export const GENERIC_ADVICE: ThreatAdvice = {
  severe: [
    'Identify the internal device involved ({src_ip} or {dest_ip}).',
    'Look up the signature "{signature}" to understand what it detects.',
    'Scan the internal device for malware and apply security updates.',
    'Block the external address at the firewall if the traffic is not expected.',
    'Make sure the IPS is in prevention mode so similar threats are blocked.',
  ],
  medium:
    'A security signature matched ("{signature}"). Check the internal device involved and block the source if it is not expected.',
  low: 'This event was logged for awareness.',
}
