import { utilityProcess } from 'electron'
import type { SimulatorLauncher } from './simulator-process.js'

/**
 * The demo simulator in an Electron utility process: a Node child of the app's own binary that works with the
 * RunAsNode fuse off (as in the packaged app) and can read the bundled CLI from the asar.
 */
export const utilityProcessLauncher: SimulatorLauncher = (modulePath, args) =>
  utilityProcess.fork(modulePath, args, { stdio: 'pipe', serviceName: 'UniFi Scanner demo' })
