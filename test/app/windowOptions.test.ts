/** The main window's hardened options: loosening any of them must fail this test. */
import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../src/main/app/windowOptions'

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs')

  it('is sandboxed and isolated with no Node in the page', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false
    })
  })

  it('sets no option that could re-open those doors', () => {
    const prefs = options.webPreferences ?? {}
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'partition'])
      expect(prefs, key).not.toHaveProperty(key)
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag'
      ].sort()
    )
  })

  it('fits a 1366×768 till screen', () => {
    expect(options.width).toBeLessThanOrEqual(1366)
    expect(options.height).toBeLessThanOrEqual(768)
  })
})
