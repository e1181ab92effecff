import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { Dialogs } from '../desktop-actions.js'

/** The native pickers behind `dialog:choose-folder` and `unifi:use-ca-file`: the renderer never names a path. */
export function electronDialogs(parent: () => BrowserWindow | null): Dialogs {
  const pick = async (options: OpenDialogOptions): Promise<string | null> => {
    const owner = parent()
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
  return {
    chooseFolder: () => pick({ title: 'Choose the reports folder', properties: ['openDirectory', 'createDirectory'] }),
    chooseCaFile: () =>
      pick({
        title: 'Choose the CA certificate (PEM) that signed the console certificate',
        properties: ['openFile'],
        filters: [{ name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] }],
      }),
  }
}
