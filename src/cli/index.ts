/**
 * Entry point of the headless `unifi-scanner` command. Commands are registered here; each lives in
 * `src/cli/commands/`.
 */
import { Command } from 'commander'
import packageJson from '../../package.json'

export function createProgram(): Command {
  return new Command()
    .name('unifi-scanner')
    .description('Plain-English security report of a UniFi Network controller.')
    .version(packageJson.version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
}

await createProgram().parseAsync(process.argv)
