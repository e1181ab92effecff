/**
 * `--open`: hands the report file to the desktop's default application. The opener gets the path as a single
 * argument (no shell), so a folder name with spaces or quotes can never be interpreted as a command.
 */
import { spawn } from 'node:child_process'

export function openerFor(platform: NodeJS.Platform, file: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [file] }
  // `start` is a cmd.exe built-in and would need a shell; Explorer opens a file with its associated app.
  if (platform === 'win32') return { command: 'explorer.exe', args: [file] }
  return { command: 'xdg-open', args: [file] }
}

/** Starts the opener detached; resolves with an error message when it could not be started. */
export function openReport(file: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const { command, args } = openerFor(platform, file)
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false })
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ENOENT'
          ? `Cannot open the report: "${command}" is not installed. Open ${file} yourself.`
          : `Cannot open the report with ${command}: ${error.message}`,
      ),
    )
    child.once('spawn', () => {
      child.unref()
      resolve(null)
    })
  })
}
