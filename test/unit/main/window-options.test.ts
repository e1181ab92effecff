import { describe, expect, it } from 'vitest'
import { settingsWindowOptions } from '../../../src/main/windows/window-options.js'

describe('settingsWindowOptions', () => {
  it('sets every security flag explicitly', () => {
    const options = settingsWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true })
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    })
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs')
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options.show).toBe(false)
  })

  it('allows DevTools only in an unpackaged build', () => {
    const options = settingsWindowOptions({ preloadPath: '/p.cjs', isPackaged: false })
    expect(options.webPreferences?.devTools).toBe(true)
    expect(options.webPreferences?.sandbox).toBe(true)
  })
})
