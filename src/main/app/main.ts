/**
 * Electron lifecycle: one instance, sandbox everywhere, the station's services opened on
 * ready, one hardened window. Kept thin: every decision worth testing lives elsewhere.
 */
import { app, BrowserWindow, dialog, session } from 'electron'
import { join } from 'node:path'
import { openStation, type Station } from '../station/station'
import { APP_ORIGIN } from '../security/origin'
import { forwardEvents, registerIpc } from './ipc'
import { registerAppScheme, serveRenderer } from './protocol'
import { hardenSession, hardenWebContents } from './security'
import { mainWindowOptions } from './windowOptions'

export function runElectronApp(): void {
  app.enableSandbox()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  registerAppScheme()
  let window: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, allowedOrigins()))
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(() => {
    let station: Station
    try {
      station = openStation({ dataDir: app.getPath('userData'), runtime: 'electron' })
    } catch (err) {
      dialog.showErrorBox('核销台 Hexiao Station', err instanceof Error ? err.message : String(err))
      app.quit()
      return
    }
    let closed = false
    app.on('will-quit', (event) => {
      if (closed) return
      // Let the outbox worker finish what is on the wire before the database closes.
      event.preventDefault()
      void station.close().finally(() => {
        closed = true
        app.quit()
      })
    })
    serveRenderer(join(import.meta.dirname, '../renderer'))
    hardenSession(session.defaultSession, allowedOrigins())
    registerIpc(station, allowedOrigins())
    window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')))
    forwardEvents(station, window.webContents)
    window.once('ready-to-show', () => window?.show())
    void window.loadURL(rendererUrl())
  })
}

/** electron-vite dev serves the renderer over http; the built app uses app://station. */
function rendererUrl(): string {
  return process.env['ELECTRON_RENDERER_URL'] ?? `${APP_ORIGIN}/index.html`
}

function allowedOrigins(): string[] {
  const dev = process.env['ELECTRON_RENDERER_URL']
  return dev ? [APP_ORIGIN, new URL(dev).origin] : [APP_ORIGIN]
}
