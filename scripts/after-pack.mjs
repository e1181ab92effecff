// electron-builder afterPack hook: flips the Electron fuses of the packed app before it is signed. With them
// flipped, ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect no longer let anyone who can start the app run code
// as it (and so unwrap its safeStorage secrets), and the app loads only from its own, integrity-checked asar.
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import path from 'node:path'

/** The fuses we set, by name; every other fuse of the wire keeps Electron's default. */
export const FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  // The renderer is served over app://, so file:// needs none of its extra privileges.
  GrantFileProtocolExtraPrivileges: false,
})

/** The file that holds the fuse wire: the executable, or on macOS the app bundle (its Electron Framework). */
export function electronBinaryPath({ appOutDir, electronPlatformName, productFilename, executableName }) {
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${productFilename}.app`)
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${productFilename}.exe`)
  return path.join(appOutDir, executableName)
}

/** Flips FUSES in `binary` and reads the wire back, failing the build when any fuse did not take. */
export async function applyFuses(binary, { resetAdHocDarwinSignature = false } = {}) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature }
  for (const [name, enabled] of Object.entries(FUSES)) config[FuseV1Options[name]] = enabled
  await flipFuses(binary, config)
  const wire = await getCurrentFuseWire(binary)
  const wrong = Object.entries(FUSES).filter(([name, enabled]) => wire[FuseV1Options[name]] !== fuseByte(enabled))
  if (wrong.length > 0)
    throw new Error(`after-pack: fuses not set in ${binary}: ${wrong.map(([name]) => name).join(', ')}`)
  return wire
}

/** The byte @electron/fuses writes for a state: ASCII '1' enabled, '0' disabled. */
export function fuseByte(enabled) {
  return enabled ? 0x31 : 0x30
}

export default async function afterPack(context) {
  const binary = electronBinaryPath({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  })
  // Flipping fuses changes the binary, which breaks the ad-hoc signature Apple Silicon needs to launch it;
  // electron-builder signs properly after this hook where a certificate is configured.
  await applyFuses(binary, {
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  })
  console.log(`after-pack: fuses set on ${path.basename(binary)} (${Object.keys(FUSES).join(', ')})`)
}
