import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface AutostartEntry {
  /** File name without extension, e.g. `unifi-scanner`. */
  id: string
  name: string
  /** Absolute path of the executable (AppImage path when run from one). */
  exec: string
  comment: string
}

/** `~/.config/autostart` or `$XDG_CONFIG_HOME/autostart` (XDG Autostart spec). */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env['XDG_CONFIG_HOME']
  return path.join(configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config'), 'autostart')
}

/** Quotes an Exec argument per the Desktop Entry spec (spaces and reserved characters). */
function quoteExec(value: string): string {
  if (!/[\s"'\\$`<>~|&;*?#()]/.test(value)) return value
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`
}

/** Pure: the `.desktop` file that starts the app at login, hidden in the tray. */
export function desktopEntry(entry: AutostartEntry): string {
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ')
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${oneLine(entry.name)}`,
    `Comment=${oneLine(entry.comment)}`,
    `Exec=${quoteExec(entry.exec)} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Start-at-login on Linux: an XDG autostart entry written or removed; enabled = the file exists and is ours. */
export class XdgAutostart {
  constructor(
    private readonly dir: string,
    private readonly entry: AutostartEntry,
  ) {}

  get file(): string {
    return path.join(this.dir, `${this.entry.id}.desktop`)
  }

  isEnabled(): boolean {
    if (!existsSync(this.file)) return false
    return !/^Hidden\s*=\s*true/m.test(readFileSync(this.file, 'utf8'))
  }

  setEnabled(enabled: boolean): void {
    if (enabled) {
      mkdirSync(this.dir, { recursive: true })
      writeFileSync(this.file, desktopEntry(this.entry), { mode: 0o644 })
    } else {
      rmSync(this.file, { force: true })
    }
  }
}
