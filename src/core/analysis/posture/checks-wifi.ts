/** Wi-Fi: open SSIDs, legacy crypto, WPA2-only, passphrase length, PMF, guest isolation, hidden SSIDs. */
import type { PostureNetwork, PostureWlan } from '../../unifi/posture-model.js'
import type { PostureContext } from './context.js'
import type { PostureCheckResult } from './model.js'
import { CannotCheck, gap, need, ok, quote, recommend, runCheck, unknown, type CheckMeta } from './kit.js'

const SSID_PAGE = 'UniFi Network > Settings > WiFi > (SSID)'

const META = {
  open: {
    id: 'WIFI-OPEN',
    area: 'wifi',
    title: 'An SSID has no encryption',
    severity: 'high',
    why: 'Anyone in range can join an open SSID and read unencrypted traffic on it.',
    fix: `${SSID_PAGE} > Security Protocol: WPA2/WPA3; for guests keep a portal but isolate the guest network.`,
  },
  legacy: {
    id: 'WIFI-LEGACY-CRYPTO',
    area: 'wifi',
    title: 'An SSID uses WEP or WPA1',
    severity: 'high',
    why: 'WEP and WPA1 (TKIP) are broken and let an attacker recover the key or inject traffic.',
    fix: `${SSID_PAGE} > Security Protocol: WPA2 (AES) at the very least.`,
  },
  wpa2: {
    id: 'WIFI-WPA2-ONLY',
    area: 'wifi',
    title: 'An SSID is WPA2 only',
    severity: 'low',
    why: 'WPA2-PSK handshakes can be captured and cracked offline; WPA3 (SAE) resists that.',
    fix: `${SSID_PAGE} > Security Protocol: WPA2/WPA3 (transition) or WPA3.`,
  },
  psk: {
    id: 'WIFI-PSK-LENGTH',
    area: 'wifi',
    title: 'A Wi-Fi passphrase is short',
    severity: 'high',
    why: 'A captured WPA2 handshake lets an attacker try passphrases offline; short ones fall quickly.',
    fix: `${SSID_PAGE} > Password: a passphrase of at least 16 characters.`,
  },
  pmf: {
    id: 'WIFI-PMF',
    area: 'wifi',
    title: 'Protected management frames are not enforced',
    severity: 'medium',
    why: 'Without PMF anyone nearby can knock clients off the network with forged deauthentication frames.',
    fix: `${SSID_PAGE} > Advanced > PMF: Required for WPA3, at least Optional for WPA2.`,
  },
  guest: {
    id: 'WIFI-GUEST-ISOLATION',
    area: 'wifi',
    title: 'A guest SSID does not keep guests apart',
    severity: 'medium',
    why: 'Guests on the main network, or able to reach each other, can attack internal hosts and one another.',
    fix: `${SSID_PAGE}: turn on Client Device Isolation and put the SSID on a guest network.`,
  },
  obscurity: {
    id: 'WIFI-OBSCURITY',
    area: 'wifi',
    title: 'Hidden SSID or MAC filtering used as protection',
    severity: 'info',
    why: 'Hidden names and MAC addresses are visible to anyone listening; they give a false sense of security.',
    fix: `${SSID_PAGE}: rely on WPA3 or 802.1X instead; hiding and MAC filters can stay, but are not a control.`,
  },
} satisfies Record<string, CheckMeta>

const enabled = (w: PostureWlan): boolean => w.enabled !== false
const ssid = (w: PostureWlan): string => `SSID ${quote(w.name)}`

function defaultLan(networks: readonly PostureNetwork[]): PostureNetwork | undefined {
  return (
    networks.find((n) => n.purpose === 'corporate' && (n.vlan === null || n.vlan === 1)) ??
    networks.find((n) => n.purpose === 'corporate')
  )
}

export function wifiChecks(ctx: PostureContext): PostureCheckResult[] {
  const wlans = () => {
    const list = need(ctx.posture.wlans).filter(enabled)
    if (list.length === 0) throw new CannotCheck('the site has no enabled SSID')
    return list
  }
  return [
    runCheck(META.open, () => {
      const open = wlans().filter((w) => w.security === 'open')
      if (open.length === 0) return ok('every enabled SSID is encrypted')
      const guestOnly = open.every((w) => w.isGuest === true && w.l2Isolation === true)
      return gap(
        open.map((w) => `${ssid(w)}: security = open${w.isGuest === true ? ', is_guest = true' : ''}`),
        guestOnly ? 'medium' : 'high',
      )
    }),
    runCheck(META.legacy, () => {
      const legacy = wlans().filter((w) => w.security === 'wep' || (w.security === 'wpapsk' && w.wpaMode === 'wpa1'))
      return legacy.length > 0
        ? gap(
            legacy.map((w) => `${ssid(w)}: security = ${w.security ?? '?'}, wpa_mode = ${w.wpaMode ?? 'not reported'}`),
          )
        : ok('no SSID uses WEP or WPA1')
    }),
    runCheck(META.wpa2, () => {
      const psk = wlans().filter((w) => w.security === 'wpapsk' && w.wpaMode !== 'wpa1')
      if (psk.length === 0) return ok('no WPA-Personal SSID')
      const unreported = psk.filter((w) => w.wpa3Support === null)
      if (unreported.length === psk.length) throw new CannotCheck('wpa3_support is not reported by this controller')
      const only = psk.filter((w) => w.wpa3Support === false)
      return only.length > 0
        ? recommend(only.map((w) => `${ssid(w)}: security = wpapsk, wpa3_support = false`))
        : ok(
            ...psk.map(
              (w) =>
                `${ssid(w)}: wpa3_support = ${String(w.wpa3Support)}, wpa3_transition = ${String(w.wpa3Transition)}`,
            ),
          )
    }),
    runCheck(META.psk, () => {
      const psk = wlans().filter((w) => w.security === 'wpapsk')
      if (psk.length === 0) return ok('no SSID with a pre-shared key')
      const measured = psk.filter((w) => w.passphraseLength !== null)
      if (measured.length === 0)
        throw new CannotCheck('the controller did not include the passphrases, so their length is unknown')
      const short = measured.filter((w) => (w.passphraseLength ?? 0) < 16)
      if (short.length === 0)
        return ok(...measured.map((w) => `${ssid(w)}: passphrase of ${w.passphraseLength ?? 0} characters`))
      const severe = short.some((w) => (w.passphraseLength ?? 0) < 12)
      return gap(
        short.map((w) => `${ssid(w)}: passphrase of ${w.passphraseLength ?? 0} characters`),
        severe ? 'high' : 'medium',
      )
    }),
    runCheck(META.pmf, () => {
      const psk = wlans().filter((w) => w.security === 'wpapsk' || w.security === 'wpaeap')
      if (psk.length === 0) return ok('no WPA SSID')
      const wpa3Only = psk.filter(
        (w) => w.wpa3Support === true && w.wpa3Transition === false && w.pmfMode !== 'required',
      )
      const wpa2Off = psk.filter((w) => w.wpa3Support !== true && w.pmfMode === 'disabled')
      if (wpa3Only.length > 0)
        return gap(
          wpa3Only.map((w) => `${ssid(w)}: WPA3 only, pmf_mode = ${w.pmfMode ?? 'not reported'}`),
          'medium',
        )
      if (wpa2Off.length > 0)
        return gap(
          wpa2Off.map((w) => `${ssid(w)}: pmf_mode = disabled`),
          'low',
        )
      if (psk.every((w) => w.pmfMode === null)) throw new CannotCheck('pmf_mode is not reported by this controller')
      return ok(...psk.map((w) => `${ssid(w)}: pmf_mode = ${w.pmfMode ?? 'not reported'}`))
    }),
    runCheck(META.guest, () => {
      const guests = wlans().filter((w) => w.isGuest === true)
      if (guests.length === 0) return ok('no guest SSID')
      const networks = ctx.posture.networks.state === 'read' ? ctx.posture.networks.value : null
      const lan = networks === null ? undefined : defaultLan(networks)
      const problems: string[] = []
      for (const w of guests) {
        if (w.l2Isolation === false) problems.push(`${ssid(w)}: is_guest = true, l2_isolation = false`)
        if (lan !== undefined && w.networkId === lan.id)
          problems.push(`${ssid(w)}: on the main network ${quote(lan.name)}`)
      }
      if (problems.length > 0) return gap(problems)
      if (guests.some((w) => w.l2Isolation === null)) return unknown('l2_isolation is not reported by this controller')
      return ok(...guests.map((w) => `${ssid(w)}: l2_isolation = true`))
    }),
    runCheck(META.obscurity, () => {
      const hidden = wlans().filter((w) => w.hideSsid === true || w.macFilterEnabled === true)
      return hidden.length > 0
        ? recommend(
            hidden.map(
              (w) =>
                `${ssid(w)}: ${[w.hideSsid === true ? 'hide_ssid = true' : '', w.macFilterEnabled === true ? 'mac_filter_enabled = true' : ''].filter(Boolean).join(', ')}`,
            ),
          )
        : ok('no hidden SSID and no MAC filter')
    }),
  ]
}
