/**
 * Runs the built CLI as a child process, the way scripts and the acceptance checks do, and collects its
 * output. Only loopback addresses are ever passed in.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { CLI_ENTRY, ROOT } from './build-cli.js'

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Environment without the variables the CLI reads, so the developer's own settings never leak into a test. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(UNIFI_|CLOUDFLARE_|ABUSEIPDB_|SMTP_|REPORT_)/.test(key)) continue
    env[key] = value
  }
  return { ...env, NO_COLOR: '1', ...extra }
}

export interface RunningCli {
  child: ChildProcess
  /** Resolves when the process has exited. */
  done: Promise<CliResult>
  /** Output so far. */
  stdout(): string
  stderr(): string
}

export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: ROOT, env: cleanEnv(env), stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
  return { child, done, stdout: () => stdout, stderr: () => stderr }
}

/** Runs to completion; kills the child if it outlives `timeoutMs` (a hang bound, not a timing assertion). */
export async function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliResult> {
  const running = startCli(args, env)
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs)
  try {
    return await running.done
  } finally {
    clearTimeout(timer)
  }
}

/** Waits until `predicate` holds for the running process's output. */
export async function waitForOutput(
  running: RunningCli,
  predicate: (stdout: string, stderr: string) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate(running.stdout(), running.stderr())) {
    if (running.child.exitCode !== null) {
      throw new Error(`CLI exited early (${running.child.exitCode}):\n${running.stderr()}`)
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for CLI output:\n${running.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
