/** The version printed by `--version` and stamped into reports (bundled from package.json at build time). */
import packageJson from '../../package.json'

export const CLI_VERSION: string = packageJson.version
