/**
 * The ONE place the main window's options come from. test/app/windowOptions.test.ts
 * asserts every security-relevant field, so nobody can loosen them unnoticed.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import { createTranslator } from '../../shared/i18n'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    // the app's name in both languages, from the catalogue (the renderer sets its own title later)
    title: `${createTranslator('zh-CN')('app.name')} ${createTranslator('en')('app.name')}`,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true
    }
  }
}
