/**
 * The demo, the same for the CLI's `demo` and the tray's "Try with demo data": settings that point at the
 * simulated controller and the fake Cloudflare API, a window of the simulator's last day, and folders of its
 * own. A demo run keeps its run state, history and reports under `<data>/demo`, so it never moves the "since
 * last report" window of real reports and never writes into the real history; the app lists both histories.
 */
import path from 'node:path'
import { z } from 'zod'
import { settingsSchema, type Settings } from '../../shared/settings.js'
import type { SessionFolders } from './report-session.js'

/** The simulator generates a day of data ending now. */
export const DEMO_WINDOW_HOURS = 24

/** What the simulators say about themselves (the `simulate` command prints it as one JSON line). */
export const demoBackendsSchema = z.object({
  unifi: z.object({
    url: z.string(),
    site: z.string(),
    username: z.string(),
    password: z.string(),
    fingerprint: z.string(),
  }),
  cloudflare: z.object({ url: z.string(), apiToken: z.string(), accountId: z.string() }),
})
export type DemoBackendsDescription = z.infer<typeof demoBackendsSchema>

export function demoSettings(backends: DemoBackendsDescription): Settings {
  return settingsSchema.parse({
    unifi: {
      url: backends.unifi.url,
      site: backends.unifi.site,
      username: backends.unifi.username,
      password: backends.unifi.password,
      tlsFingerprint: backends.unifi.fingerprint,
    },
    integrations: {
      cloudflare: {
        apiUrl: backends.cloudflare.url,
        apiToken: backends.cloudflare.apiToken,
        accountId: backends.cloudflare.accountId,
      },
    },
    report: { format: 'both' },
  })
}

/** The demo's own folders inside the data folder: `<data>/demo` (state, history) and `<data>/demo/reports`. */
export function demoFolders(dataDir: string, reportsDir?: string): SessionFolders {
  const demoDir = path.join(dataDir, 'demo')
  return { dataDir: demoDir, reportsDir: reportsDir ?? path.join(demoDir, 'reports') }
}
