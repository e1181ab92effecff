/** The folder holding the Electron executable (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH), or null. */
export function findElectronDist(input: {
  electronDir: string
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
}): string | null
/** The one line `npm run dist` prints when there is no Electron binary. */
export const NO_ELECTRON_MESSAGE: string
