/** Preload of the settings window: exposes the contract's named functions as `window.api`, nothing more. */
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_GLOBAL } from '../shared/ipc/bridge.js'
import { createBridge } from './bridge-factory.js'

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer))
