/**
 * The event kinds as a table, one per line: legacy key | family | subsystem | system-log category | system-log
 * event | severity | system-log title | legacy message. `{DEV}` in a message becomes `AP[mac]`/`Switch[mac]`/
 * `Gateway[mac]`; an empty message means the builder writes it. Lines starting with `#` are section notes.
 * Every key of the analysis rules and every legacy event key known from real consoles is here.
 */
export const EVENT_TABLE = `
# Security
EVT_AD_LOGIN_FAILED | admin-failed | lan | AUDIT | ADMIN_LOGIN_FAILED | HIGH | Admin Login Failed | Admin[{ADMIN}] failed to log in from {IP}
EVT_AD_LoginFailed | admin-failed | lan | AUDIT | ADMIN_LOGIN_FAILED | HIGH | Admin Login Failed | Admin[{ADMIN}] failed to log in from {IP}
EVT_AP_RogueAPDetected | rogue | wlan | SECURITY | ROGUE_AP_DETECTED | HIGH | Rogue AP Detected | {DEV} detected a rogue AP with SSID "FreeWiFi" (BSSID {BSSID})
EVT_ROGUE_AP | rogue | wlan | SECURITY | ROGUE_AP_DETECTED | HIGH | Rogue AP Detected | {DEV} detected a rogue AP with SSID "FreeWiFi" (BSSID {BSSID})
EVT_AP_DetectRogueAP | rogue | wlan | SECURITY | ROGUE_AP_DETECTED | HIGH | Rogue AP Detected | Rogue AP detected by {DEV}: SSID "FreeWiFi" BSSID {BSSID}
EVT_SW_DetectRogueDHCP | device | lan | SECURITY | ROGUE_DHCP_SERVER_DETECTED | HIGH | Rogue DHCP Server Detected | {DEV} detected a rogue DHCP server on port 7
EVT_IPS_IpsAlert | ips | www | SECURITY | THREAT_DETECTED | HIGH | Threat Detected |
EVT_IPS_Alert | ips | www | SECURITY | THREAT_DETECTED | HIGH | Threat Detected |
EVT_IDS_Alert | ips | www | SECURITY | THREAT_DETECTED | HIGH | Threat Detected |
EVT_THREAT_DETECTED | ips | www | SECURITY | THREAT_DETECTED | HIGH | Threat Detected |
EVT_AD_Login | admin-login | lan | AUDIT | ADMIN_LOGIN | LOW | Admin Login | Admin[{ADMIN}] log in from {IP}
EVT_AD_LOGIN | admin-login | lan | AUDIT | ADMIN_LOGIN | LOW | Admin Login | Admin[{ADMIN}] log in from {IP}
# Connectivity
EVT_AP_Lost_Contact | device | wlan | UNIFI_DEVICES | DEVICE_OFFLINE | HIGH | Device Offline | {DEV} was disconnected
EVT_AP_DISCONNECTED | device | wlan | UNIFI_DEVICES | DEVICE_OFFLINE | HIGH | Device Offline | {DEV} was disconnected
EVT_SW_Lost_Contact | device | lan | UNIFI_DEVICES | DEVICE_OFFLINE | HIGH | Device Offline | {DEV} was disconnected
EVT_SW_DISCONNECTED | device | lan | UNIFI_DEVICES | DEVICE_OFFLINE | HIGH | Device Offline | {DEV} was disconnected
EVT_GW_Lost_Contact | device | wan | UNIFI_DEVICES | DEVICE_OFFLINE | VERY_HIGH | Device Offline | {DEV} was disconnected
EVT_DM_Lost_Contact | device | lan | UNIFI_DEVICES | DEVICE_OFFLINE | VERY_HIGH | Device Offline | {DEV} was disconnected
EVT_GW_WAN_DISCONNECTED | wan | wan | INTERNET_AND_WAN | WAN_DOWN | HIGH | Internet Disconnected | WAN port (eth8) on {DEV} disconnected
EVT_GW_WAN_DOWN | wan | wan | INTERNET_AND_WAN | WAN_DOWN | HIGH | Internet Disconnected | WAN on {DEV} is down
EVT_WAN_FAILOVER | wan | wan | INTERNET_AND_WAN | WAN_FAILOVER | HIGH | Internet Failover | {DEV} failed over from WAN to WAN2
EVT_GW_WANTransition | wan | wan | INTERNET_AND_WAN | WAN_TRANSITION | HIGH | WAN Transition | WAN port (eth9) transitioned from connected to disconnected
EVT_AP_Isolated | device | wlan | UNIFI_DEVICES | DEVICE_ISOLATED | HIGH | Device Isolated | {DEV} was isolated from network
EVT_AP_ISOLATED | device | wlan | UNIFI_DEVICES | DEVICE_ISOLATED | HIGH | Device Isolated | {DEV} was isolated from network
EVT_AP_Connected | device | wlan | UNIFI_DEVICES | DEVICE_CONNECTED | LOW | Device Connected | {DEV} was connected
EVT_AP_CONNECTED | device | wlan | UNIFI_DEVICES | DEVICE_CONNECTED | LOW | Device Connected | {DEV} was connected
EVT_WU_Connected | wifi-connect | wlan | CLIENT_DEVICES | CLIENT_CONNECTED | LOW | Client Connected |
EVT_WG_Connected | wifi-connect | wlan | CLIENT_DEVICES | CLIENT_CONNECTED | LOW | Client Connected |
EVT_LU_Connected | wired-connect | lan | CLIENT_DEVICES | CLIENT_CONNECTED | LOW | Client Connected |
EVT_WU_Disconnected | wifi-disconnect | wlan | CLIENT_DEVICES | CLIENT_DISCONNECTED | LOW | Client Disconnected |
EVT_WG_Disconnected | wifi-disconnect | wlan | CLIENT_DEVICES | CLIENT_DISCONNECTED | LOW | Client Disconnected |
EVT_LU_Disconnected | wired-disconnect | lan | CLIENT_DEVICES | CLIENT_DISCONNECTED | LOW | Client Disconnected |
EVT_WC_Blocked | client-blocked | wlan | CLIENT_DEVICES | CLIENT_BLOCKED | MEDIUM | Client Blocked |
EVT_LC_Blocked | client-blocked | lan | CLIENT_DEVICES | CLIENT_BLOCKED | MEDIUM | Client Blocked |
# Performance
EVT_AP_Interference | device | wlan | UNIFI_DEVICES | INTERFERENCE_DETECTED | MEDIUM | Interference Detected | {DEV} detected interference on channel 36
EVT_AP_RADAR_DETECTED | radar | wlan | UNIFI_DEVICES | RADAR_DETECTED | MEDIUM | Radar Detected | {DEV}: Radar detected on channel 52
EVT_AP_RadarDetected | radar | wlan | UNIFI_DEVICES | RADAR_DETECTED | MEDIUM | Radar Detected | {DEV}: Radar detected on channel 100
EVT_AP_HIGH_CPU | device | wlan | UNIFI_DEVICES | HIGH_CPU_USAGE | MEDIUM | High CPU Usage | {DEV} CPU usage is high (92%)
EVT_SW_HIGH_CPU | device | lan | UNIFI_DEVICES | HIGH_CPU_USAGE | MEDIUM | High CPU Usage | {DEV} CPU usage is high (91%)
EVT_GW_HIGH_CPU | device | wan | UNIFI_DEVICES | HIGH_CPU_USAGE | MEDIUM | High CPU Usage | {DEV} CPU usage is high (95%)
EVT_AP_HIGH_MEMORY | device | wlan | UNIFI_DEVICES | HIGH_MEMORY_USAGE | MEDIUM | High Memory Usage | {DEV} memory usage is high (90%)
EVT_SW_HIGH_MEMORY | device | lan | UNIFI_DEVICES | HIGH_MEMORY_USAGE | MEDIUM | High Memory Usage | {DEV} memory usage is high (89%)
EVT_GW_HIGH_MEMORY | device | wan | UNIFI_DEVICES | HIGH_MEMORY_USAGE | MEDIUM | High Memory Usage | {DEV} memory usage is high (93%)
EVT_SPEED_TEST_FAIL | speedtest | www | INTERNET_AND_WAN | SPEED_TEST_FAILED | MEDIUM | Speed Test Failed | Speed test failed on {DEV}
EVT_SPEED_TEST_SLOW | speedtest | www | INTERNET_AND_WAN | SPEED_TEST_SLOW | MEDIUM | Slow Speed Test | Speed test on {DEV} measured 48.2 Mbps down, expected 900 Mbps
EVT_AP_CHANNEL_UTIL_HIGH | device | wlan | UNIFI_DEVICES | HIGH_CHANNEL_UTILIZATION | MEDIUM | High Channel Utilization | {DEV} channel utilization is high (87%) on channel 6
EVT_HIGH_CHANNEL_UTILIZATION | device | wlan | UNIFI_DEVICES | HIGH_CHANNEL_UTILIZATION | MEDIUM | High Channel Utilization | {DEV} channel utilization is high (84%) on channel 44
# System
EVT_AP_Upgraded | device | wlan | SOFTWARE_UPDATES | DEVICE_UPGRADED | LOW | Device Upgraded | {DEV} was upgraded from "6.6.55.15189" to "6.6.77.15402"
EVT_SW_Upgraded | device | lan | SOFTWARE_UPDATES | DEVICE_UPGRADED | LOW | Device Upgraded | {DEV} was upgraded from "7.0.50.15613" to "7.1.26.15869"
EVT_GW_Upgraded | device | wan | SOFTWARE_UPDATES | DEVICE_UPGRADED | LOW | Device Upgraded | {DEV} was upgraded from "4.1.13" to "4.3.6.12345"
EVT_DEVICE_UPGRADED | device | lan | SOFTWARE_UPDATES | DEVICE_UPGRADED | LOW | Device Upgraded | {DEV} was upgraded
EVT_AP_Restarted | device | wlan | UNIFI_DEVICES | DEVICE_RESTARTED | LOW | Device Restarted | {DEV} was restarted by admin
EVT_SW_Restarted | device | lan | UNIFI_DEVICES | DEVICE_RESTARTED | LOW | Device Restarted | {DEV} was restarted by admin
EVT_GW_Restarted | device | wan | UNIFI_DEVICES | DEVICE_RESTARTED | LOW | Device Restarted | {DEV} was restarted by admin
EVT_AP_RestartedUnknown | device | wlan | UNIFI_DEVICES | DEVICE_RESTARTED_UNEXPECTEDLY | MEDIUM | Device Restarted Unexpectedly | {DEV} was restarted
EVT_SW_RestartedUnknown | device | lan | UNIFI_DEVICES | DEVICE_RESTARTED_UNEXPECTEDLY | MEDIUM | Device Restarted Unexpectedly | {DEV} was restarted
EVT_GW_RestartedUnknown | device | wan | UNIFI_DEVICES | DEVICE_RESTARTED_UNEXPECTEDLY | MEDIUM | Device Restarted Unexpectedly | {DEV} was restarted
EVT_AP_Adopted | device | wlan | UNIFI_DEVICES | DEVICE_ADOPTED | LOW | Device Adopted | {DEV} was adopted
EVT_SW_Adopted | device | lan | UNIFI_DEVICES | DEVICE_ADOPTED | LOW | Device Adopted | {DEV} was adopted
EVT_GW_Adopted | device | wan | UNIFI_DEVICES | DEVICE_ADOPTED | LOW | Device Adopted | {DEV} was adopted
EVT_DEVICE_ADOPTED | device | lan | UNIFI_DEVICES | DEVICE_ADOPTED | LOW | Device Adopted | {DEV} was adopted
EVT_CONFIG_CHANGED | config | lan | AUDIT | CONFIG_CHANGED | LOW | Configuration Changed | Admin[{ADMIN}] changed the network configuration
EVT_SITE_CONFIG_CHANGED | config | lan | AUDIT | CONFIG_CHANGED | LOW | Configuration Changed | Admin[{ADMIN}] changed the site settings
EVT_BACKUP_CREATED | backup | lan | SOFTWARE_UPDATES | BACKUP_CREATED | LOW | Backup Created | Backup created on {DEV}
EVT_AUTO_BACKUP | backup | lan | SOFTWARE_UPDATES | BACKUP_CREATED | LOW | Backup Created | Automatic backup created on {DEV}
EVT_AP_UPDATE_AVAILABLE | device | wlan | SOFTWARE_UPDATES | UPDATE_AVAILABLE | LOW | Update Available | Firmware update available for {DEV}
EVT_SW_UPDATE_AVAILABLE | device | lan | SOFTWARE_UPDATES | UPDATE_AVAILABLE | LOW | Update Available | Firmware update available for {DEV}
EVT_GW_UPDATE_AVAILABLE | device | wan | SOFTWARE_UPDATES | UPDATE_AVAILABLE | LOW | Update Available | Firmware update available for {DEV}
EVT_AD_Update_Available | config | lan | SOFTWARE_UPDATES | UPDATE_AVAILABLE | LOW | Update Available | Network application update available: 10.3.58
# Wireless
EVT_WU_Roam | roam | wlan | CLIENT_DEVICES | CLIENT_ROAMED | LOW | Client Roamed |
EVT_WG_Roam | roam | wlan | CLIENT_DEVICES | CLIENT_ROAMED | LOW | Client Roamed |
EVT_WU_RoamRadio | roam-radio | wlan | CLIENT_DEVICES | CLIENT_ROAMED_RADIO | LOW | Client Changed Band |
EVT_WG_RoamRadio | roam-radio | wlan | CLIENT_DEVICES | CLIENT_ROAMED_RADIO | LOW | Client Changed Band |
EVT_AP_ChannelChange | channel | wlan | UNIFI_DEVICES | CHANNEL_CHANGED | MEDIUM | Channel Changed |
# Device health
EVT_SW_PoeDisconnect | poe | lan | POWER | POE_DISCONNECTED | MEDIUM | PoE Disconnected |
EVT_SW_PoeOverload | poe | lan | POWER | POE_OVERLOAD | HIGH | PoE Overload |
EVT_SW_PoeBudgetExceeded | poe | lan | POWER | POE_BUDGET_EXCEEDED | HIGH | PoE Budget Exceeded |
EVT_USP_RpsPowerDeniedByPsuOverload | device | lan | POWER | RPS_POWER_DENIED | HIGH | Redundant Power Denied | {DEV} denied redundant power: PSU overload
EVT_SW_Overheat | device | lan | UNIFI_DEVICES | DEVICE_OVERHEATING | HIGH | Device Overheating | {DEV} is overheating
EVT_SW_StpPortBlocking | device | lan | UNIFI_ETHERNET_PORTS | STP_PORT_BLOCKING | MEDIUM | Port Blocked by STP | {DEV} port 12 is blocking due to STP
EVT_XG_AutoReadopted | device | wan | UNIFI_DEVICES | DEVICE_ADOPTED | LOW | Device Adopted | {DEV} was automatically re-adopted
EVT_GW_VPN_ClientConnected | vpn | vpn | VPN | VPN_CLIENT_CONNECTED | LOW | VPN Client Connected | VPN client "laptop-road" connected to {DEV}
# Keys the analysis does not know; they must surface as "other events", not vanish
EVT_ZZ_QuantumFluxCalibrated | unknown | lan | UNKNOWN | UNKNOWN_EVENT | LOW | Unknown Event | Quantum flux calibrated on {DEV}
EVT_NH_ExperimentalThing | unknown | wlan | UNKNOWN | UNKNOWN_EVENT | LOW | Unknown Event | Something experimental happened on {DEV}
`
