/**
 * Atomic file writes: content goes to a temp file in the target folder (same filesystem) and only a
 * complete file ever appears under the final name. Final names are claimed with a hard link, which fails
 * instead of replacing an existing file, so a report can never overwrite another one.
 */
import { randomBytes } from 'node:crypto'
import { link, mkdir, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ScannerError } from '../../errors.js'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../files/private-files.js'
import { joinMessage } from '../../../shared/text/message-parts.js'

export class FileWriteError extends ScannerError {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      'config',
      'REPORT_WRITE_FAILED',
      joinMessage(
        `Could not write ${path}: ${reason}`,
        '. Check that the folder exists, is writable and has free space, or choose another reports folder.',
      ),
      { cause },
    )
  }
}

/** A fully written temp file waiting to be given its final name. */
export interface StagedFile {
  tempPath: string
  /** Gives the file `finalPath` without replacing anything there; false when the name is taken. */
  claim(finalPath: string): Promise<boolean>
  /** Moves the file onto `finalPath`, replacing it (for our own index/state files). */
  replace(finalPath: string): Promise<void>
  discard(): Promise<void>
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code))
}

export async function stageFile(dir: string, name: string, content: string): Promise<StagedFile> {
  const tempPath = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    // Explicit as well as through the umask: reports and history are for the user who runs the scanner only.
    const handle = await open(tempPath, 'wx', PRIVATE_FILE_MODE)
    try {
      await handle.writeFile(content, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw new FileWriteError(join(dir, name), error)
  }
  let done = false
  const discard = async () => {
    if (done) return
    done = true
    await unlink(tempPath).catch(() => undefined)
  }
  return {
    tempPath,
    async claim(finalPath) {
      try {
        await link(tempPath, finalPath)
      } catch (error) {
        if (isCode(error, 'EEXIST')) return false
        // Filesystems without hard links: check, then rename (racy only against other writers of our names).
        if (!isCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV')) throw new FileWriteError(finalPath, error)
        if (await exists(finalPath)) return false
        await rename(tempPath, finalPath).catch((renameError: unknown) => {
          throw new FileWriteError(finalPath, renameError)
        })
        done = true
        return true
      }
      await discard()
      return true
    },
    async replace(finalPath) {
      try {
        await rename(tempPath, finalPath)
        done = true
      } catch (error) {
        await discard()
        throw new FileWriteError(finalPath, error)
      }
    },
    discard,
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r')
    await handle.close()
    return true
  } catch {
    return false
  }
}

/** Replaces `path` atomically with `content` (index and state files). */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const staged = await stageFile(dirname(path), basename(path), content)
  await staged.replace(path)
}
