/**
 * Entry point of the headless `unifi-scanner` command (bundled to out/cli/index.js). Everything lives in
 * `program.ts`; this file only binds it to the real process and exits with the command's code once the
 * output has been flushed (a piped stdout must not lose the JSON line).
 */
import { toScannerError } from '../core/errors.js'
import { restrictNewFilePermissions } from '../core/files/private-files.js'
import { ExitCode } from '../core/exit-codes.js'
import { processInterrupts } from './interrupts.js'
import { flush } from './output.js'
import { runCli } from './program.js'

restrictNewFilePermissions()
let code: number
try {
  code = await runCli(process.argv, {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    interrupts: processInterrupts,
    platform: process.platform,
    now: Date.now,
  })
} catch (error) {
  process.stderr.write(`error: ${toScannerError(error).message}\n`)
  code = ExitCode.other
}
await Promise.all([flush(process.stdout), flush(process.stderr)])
process.exit(code)
