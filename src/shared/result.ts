/**
 * What every fallible IPC call returns. Electron keeps only `.message` of an error thrown through
 * `ipcMain.handle`, so main answers with a plain object the renderer can branch on instead of throwing.
 */

/** A failure as the renderer sees it: a stable code, the error class and a user-facing message. Never a secret. */
export interface IpcFailure {
  /** Stable machine-readable code, e.g. `UNIFI_NOT_CONFIGURED`, `INVALID_REQUEST`, `INTERNAL`. */
  code: string
  /** The engine's error kind (`auth`, `config`, `tls-untrusted`, …) or `internal`/`ipc` for our own. */
  kind: string
  /** What happened and what to do, in plain English. */
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcFailure }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(error: IpcFailure): Result<T> {
  return { ok: false, error }
}
