import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNELS } from '../../shared/ipc/contract.js'
import type { SenderInfo } from '../security/trusted-senders.js'
import type { IpcDispatch } from './dispatch.js'

/** Glues the dispatcher to `ipcMain`: one `handle` per contract channel. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: IpcDispatch): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatch(channel, senderOf(event), payload),
    )
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
  }
}

/** Read synchronously: since Electron 33 `senderFrame` can be detached (null) once the handler awaits. */
function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  return { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? null }
}
