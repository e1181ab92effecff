/**
 * Work a run leaves behind once its report is written: logging out of the console and closing its sockets.
 * The outcome goes back to the caller at once; whoever owns the process waits here (bounded) before it
 * exits, so a console never keeps a session the scanner opened.
 */
export class BackgroundCloses {
  private readonly pending = new Set<Promise<void>>()

  /** Tracks `closing`; its failure is the closer's business (logout is best-effort). */
  add(closing: Promise<void>): void {
    const tracked = closing.catch(() => undefined).finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }

  get size(): number {
    return this.pending.size
  }

  /** Resolves when everything added so far has finished, or after `limitMs`, whichever comes first. */
  async settle(limitMs: number): Promise<void> {
    if (this.pending.size === 0) return
    let timer: NodeJS.Timeout | undefined
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs)
    })
    try {
      await Promise.race([Promise.all([...this.pending]), limit])
    } finally {
      clearTimeout(timer)
    }
  }
}
