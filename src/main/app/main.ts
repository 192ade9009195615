/**
 * Electron lifecycle: one instance, sandbox everywhere, the station's services opened on
 * ready, one hardened window. Kept thin: every decision worth testing lives elsewhere.
 */
import { app, BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { openStation } from '../station/station'
import { APP_ORIGIN } from '../security/origin'
import { forwardEvents, registerIpc } from './ipc'
import { utilityHubLauncher } from './hubUtility'
import { installReportsDelivery } from './reportsDelivery'
import { electronSecretStore } from './safeSecrets'
import { openWithRecovery } from './recovery'
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
    // A damaged database offers the latest good backup instead of only failing (./recovery.ts).
    const station = openWithRecovery(() =>
      openStation({
        dataDir: app.getPath('userData'),
        runtime: 'electron',
        secrets: electronSecretStore(app.getPath('userData')),
        // Set-up decides when (going live opens another database); this is only how Electron restarts.
        restart: relaunchSoon,
        // The store hub, when set-up makes this till the hub (./hubUtility.ts: untested without Electron).
        storeHub: {
          launcher: utilityHubLauncher(join(import.meta.dirname, 'hub.js'), (line) => console.error(line))
        }
      })
    )
    if (!station) {
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
    installReportsDelivery(() => window)
    forwardEvents(station, window.webContents)
    window.once('ready-to-show', () => window?.show())
    void window.loadURL(rendererUrl())
  })
}

/** Restart once the manager has read the go-live message (src/main/setup/service.ts). */
const RELAUNCH_AFTER_MS = 4_000

function relaunchSoon(): void {
  setTimeout(() => {
    app.relaunch()
    app.quit()
  }, RELAUNCH_AFTER_MS)
}

/** electron-vite dev serves the renderer over http; the built app uses app://station. */
function rendererUrl(): string {
  return process.env['ELECTRON_RENDERER_URL'] ?? `${APP_ORIGIN}/index.html`
}

function allowedOrigins(): string[] {
  const dev = process.env['ELECTRON_RENDERER_URL']
  return dev ? [APP_ORIGIN, new URL(dev).origin] : [APP_ORIGIN]
}
