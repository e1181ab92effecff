/**
 * `stat/device` records. Field names, nesting and value types follow the recorded devices in
 * test/fixtures/real (unpoller `uap.json`/`usw.json`/`ugw.json`, aiounifi `switch-flex-mini-5-port.json`,
 * and a UDM Pro record with the fields client libraries model): percentages and load averages are strings,
 * counters numbers.
 */
import type { SiteContext } from './site-context.js'
import { dashMac, objectId, round } from './prng.js'

export type DeviceRole = 'gateway' | 'switch' | 'ap'

export interface DeviceSpec {
  index: number
  role: DeviceRole
  type: 'udm' | 'usw' | 'uap'
  model: string
  name: string
  mac: string
  ip: string
  version: string
  /** 1 connected, 0 disconnected, 6 heartbeat missed, 10 adoption failed … */
  state: number
  uptimeSec: number
  /** Some firmware sends `uptime` as a string. */
  uptimeAsString: boolean
  cpu: number
  mem: number
  /** °C; null = the model reports no temperature. */
  temperatureC: number | null
  overheating: boolean
  upgradable: boolean
  /** Switch PoE budget in W (0 = not a PoE switch) and the fraction of it the ports draw. */
  poeBudgetW: number
  poeLoad: number
  portCount: number
  /** Emit the MAC in the `AA-BB-…` form. */
  dashMac: boolean
  wan2Offline: boolean
  uplinkMac: string | null
}

export type JsonRecord = Record<string, unknown>

function common(ctx: SiteContext, spec: DeviceSpec, lastSeenSec: number): JsonRecord {
  const uptime = spec.state === 1 ? spec.uptimeSec : 0
  const record: JsonRecord = {
    _id: objectId(ctx.seed, 0xde5, spec.index),
    adopted: spec.state !== 10,
    mac: spec.dashMac ? dashMac(spec.mac) : spec.mac,
    model: spec.model,
    name: spec.name,
    type: spec.type,
    version: spec.version,
    ip: spec.ip,
    serial: spec.mac.replaceAll(':', '').toUpperCase(),
    site_id: ctx.siteId,
    device_id: objectId(ctx.seed, 0xde6, spec.index),
    board_rev: 17,
    cfgversion: objectId(ctx.seed, 0xcf9, spec.index).slice(0, 16),
    inform_url: `http://${ctx.lanPrefix}.1:8080/inform`,
    inform_ip: `${ctx.lanPrefix}.1`,
    required_version: '4.0.0',
    license_state: 'registered',
    led_override: 'default',
    state: spec.state,
    last_seen: lastSeenSec,
    upgradable: spec.upgradable,
    adoptable_when_upgraded: false,
    rollupgrade: false,
    unsupported: false,
    unsupported_reason: 0,
    uptime: spec.uptimeAsString ? String(uptime) : uptime,
    _uptime: uptime,
    locating: false,
    has_fan: spec.role !== 'ap',
    has_temperature: spec.temperatureC !== null,
    overheating: spec.overheating,
    model_in_lts: false,
    model_in_eol: false,
    'system-stats': { cpu: spec.cpu.toFixed(1), mem: spec.mem.toFixed(1), uptime: String(uptime) },
    sys_stats: {
      loadavg_1: (spec.cpu / 40).toFixed(2),
      loadavg_5: (spec.cpu / 45).toFixed(2),
      loadavg_15: (spec.cpu / 50).toFixed(2),
      mem_buffer: 0,
      mem_total: 1_031_761_920,
      mem_used: Math.round((1_031_761_920 * spec.mem) / 100),
    },
    tx_bytes: 1_000_000 * (spec.index + 7),
    rx_bytes: 3_000_000 * (spec.index + 3),
    bytes: 4_000_000 * (spec.index + 5),
    num_sta: spec.role === 'ap' ? 4 + (spec.index % 9) : 0,
    'user-num_sta': spec.role === 'ap' ? 4 + (spec.index % 9) : 0,
    'guest-num_sta': 0,
  }
  if (spec.temperatureC !== null && spec.role !== 'gateway') {
    record.general_temperature = spec.temperatureC
  }
  if (spec.uplinkMac) {
    record.uplink = {
      type: 'wire',
      up: spec.state === 1,
      speed: 1000,
      full_duplex: true,
      uplink_mac: spec.uplinkMac,
      uplink_remote_port: 1 + (spec.index % 8),
      name: 'eth0',
      ip: spec.ip,
    }
  }
  return record
}

function port(spec: DeviceSpec, idx: number, poeW: number): JsonRecord {
  const powered = poeW > 0
  return {
    port_idx: idx,
    name: `Port ${idx}`,
    media: 'GE',
    enable: true,
    up: idx === 1 || powered || idx % 3 === 0,
    speed: idx === 1 ? 1000 : powered ? 100 : 1000,
    full_duplex: true,
    is_uplink: idx === 1,
    port_poe: spec.poeBudgetW > 0 && idx > 1,
    poe_enable: powered,
    poe_mode: 'auto',
    poe_caps: spec.poeBudgetW > 0 ? 7 : 0,
    poe_class: powered ? 'Class 4' : 'Unknown',
    poe_good: powered,
    poe_power: poeW.toFixed(2),
    poe_voltage: powered ? '53.10' : '0.00',
    poe_current: powered ? ((poeW / 53.1) * 1000).toFixed(2) : '0.00',
    rx_bytes: 10_000 * idx,
    tx_bytes: 20_000 * idx,
    rx_errors: 0,
    tx_errors: idx === 5 ? 12 : 0,
    rx_dropped: 0,
    tx_dropped: 0,
    stp_state: 'forwarding',
    satisfaction: 100,
  }
}

export function buildSwitch(ctx: SiteContext, spec: DeviceSpec, lastSeenSec: number): JsonRecord {
  const record = common(ctx, spec, lastSeenSec)
  const poweredPorts = spec.poeBudgetW > 0 ? Math.max(1, spec.portCount - 2) : 0
  const perPort = poweredPorts > 0 ? (spec.poeBudgetW * spec.poeLoad) / poweredPorts : 0
  const ports: JsonRecord[] = []
  for (let idx = 1; idx <= spec.portCount; idx++) {
    ports.push(port(spec, idx, idx >= 2 && idx <= poweredPorts + 1 ? round(perPort, 2) : 0))
  }
  record.port_table = ports
  record.total_max_power = spec.poeBudgetW
  record.fan_level = spec.temperatureC !== null && spec.temperatureC > 60 ? 60 : 0
  record.stp_version = 'rstp'
  record.stp_priority = '32768'
  record.jumboframe_enabled = false
  record.flowctrl_enabled = false
  record.dot1x_portctrl_enabled = false
  return record
}

export function buildAccessPoint(ctx: SiteContext, spec: DeviceSpec, lastSeenSec: number): JsonRecord {
  const record = common(ctx, spec, lastSeenSec)
  const channel5 = [36, 44, 52, 100, 149][spec.index % 5] ?? 36
  record.port_table = [port(spec, 1, 0)]
  record.radio_table = [
    { radio: 'ng', name: 'wifi0', channel: 'auto', ht: '20', tx_power_mode: 'auto', min_rssi_enabled: false },
    { radio: 'na', name: 'wifi1', channel: String(channel5), ht: '80', tx_power_mode: 'auto', min_rssi_enabled: false },
  ]
  record.radio_table_stats = [
    {
      name: 'wifi0',
      radio: 'ng',
      channel: 6,
      cu_total: 20 + (spec.index % 30),
      state: 'RUN',
      num_sta: 2,
      tx_retries: 108,
    },
    {
      name: 'wifi1',
      radio: 'na',
      channel: channel5,
      cu_total: 10 + (spec.index % 40),
      state: 'RUN',
      num_sta: 5,
      tx_retries: 41,
    },
  ]
  record.vap_table = [
    { essid: 'HomeWiFi', radio: 'na', channel: channel5, num_sta: 5, up: true, usage: 'user' },
    { essid: 'HomeWiFi', radio: 'ng', channel: 6, num_sta: 2, up: true, usage: 'user' },
  ]
  record.satisfaction = 96
  record.isolated = spec.state === 11
  return record
}

export function buildGateway(ctx: SiteContext, spec: DeviceSpec, lastSeenSec: number): JsonRecord {
  const record = common(ctx, spec, lastSeenSec)
  const cpuTemp = spec.temperatureC ?? 60
  record.ip = ctx.wanIp
  record.temperatures = [
    { name: 'CPU', type: 'cpu', value: cpuTemp },
    { name: 'Local', type: 'board', value: round(cpuTemp - 14.25, 2) },
    { name: 'PHY', type: 'board', value: round(cpuTemp - 12.75, 2) },
  ]
  record.fan_level = spec.overheating ? 100 : 20
  record.internet = true
  record.storage = [{ mount_point: '/mnt/data', name: 'eMMC', type: 'eMMC', size: 13097209856, used: 4041523200 }]
  record.wan1 = {
    name: 'wan',
    ifname: 'eth8',
    type: 'wire',
    up: true,
    enable: true,
    ip: ctx.wanIp,
    gateway: ctx.wanIp.replace(/\.\d+$/, '.1'),
    netmask: '255.255.255.0',
    dns: ['1.1.1.1', '8.8.8.8'],
    speed: 1000,
    full_duplex: true,
    rx_bytes: 1107294012155,
    tx_bytes: 96813272238,
    rx_errors: 0,
    tx_errors: 0,
    rx_dropped: 3929,
  }
  record.wan2 = { name: 'wan2', ifname: 'eth9', type: 'wire', up: !spec.wan2Offline, enable: true, ip: '', speed: 0 }
  record.last_wan_status = { WAN: 'online', WAN2: spec.wan2Offline ? 'offline' : 'online' }
  record.last_wan_ip = ctx.wanIp
  record.port_table = [port(spec, 1, 0), port(spec, 2, 0), port(spec, 3, 0), port(spec, 4, 0)]
  record.network_table = [
    { name: 'Default', purpose: 'corporate', ip_subnet: `${ctx.lanPrefix}.1/24`, up: 'true', enabled: true },
  ]
  record['speedtest-status'] = {
    latency: 9,
    rundate: lastSeenSec - 3600,
    runtime: 172,
    status_summary: 2,
    xput_download: 912.5,
    xput_upload: 940.0,
  }
  record.uptime_stats = {
    WAN: { monitors: [{ target: '1.1.1.1', type: 'icmp', availability: 100.0, latency_average: 5 }] },
  }
  return record
}
