/** The Chromium or Chrome executable to run the browser tests with, or null when the machine has none. */
export function findBrowser(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null
/** One line telling how to make a browser available. */
export const INSTALL_HINT: string
