/**
 * Body of a successful UniFi OS login: the console user, trimmed from aiounifi's
 * `LOGIN_UNIFIOS_JSON_RESPONSE` (test/fixtures/real/aiounifi/auth/login-unifios-response.json, MIT).
 */
export function unifiOsUser(username: string): Record<string, unknown> {
  return {
    unique_id: '868d288b-a642-4209-a768-8425498fa928',
    username,
    first_name: 'Report',
    last_name: 'Reader',
    full_name: 'Report Reader',
    email: '',
    email_status: 'UNVERIFIED',
    phone: '',
    avatar: '',
    status: 'ACTIVE',
    sso_account: '',
    sso_uuid: '',
    sso_username: '',
    create_time: 1585163886,
    local_account_exist: true,
    password_revision: 1585163886,
    update_time: 1585167486,
    groups: [],
    roles: [
      {
        unique_id: 'ddf31242-c4f1-4dbc-b362-d0b220cae124',
        name: 'Super Administrator',
        system_role: true,
        system_key: 'super_administrator',
        level: 2,
      },
    ],
    permissions: { 'network.management': ['readonly'], 'system.management.location': ['admin'] },
    scopes: ['view:controller:network', 'view:systemlog', 'view:user'],
    isOwner: false,
    cloud_access_granted: false,
    id: '868d288b-a642-4209-a768-8425498fa928',
  }
}
