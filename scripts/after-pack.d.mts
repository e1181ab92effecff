/** The fuses the hook sets, by @electron/fuses option name. */
export const FUSES: Readonly<Record<string, boolean>>
/** The file holding the fuse wire for a packed app. */
export function electronBinaryPath(input: {
  appOutDir: string
  electronPlatformName: string
  productFilename: string
  executableName: string
}): string
/** Flips FUSES in `binary`, reads the wire back and returns it (index → state byte). */
export function applyFuses(
  binary: string,
  options?: { resetAdHocDarwinSignature?: boolean },
): Promise<Record<string, unknown>>
/** The byte @electron/fuses writes: '1' (0x31) enabled, '0' (0x30) disabled. */
export function fuseByte(enabled: boolean): number
/** electron-builder's afterPack context, the parts the hook reads. */
export interface AfterPackContext {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName: string }
}
export default function afterPack(context: AfterPackContext): Promise<void>
