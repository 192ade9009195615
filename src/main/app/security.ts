/**
 * Electron's security checklist applied to our session and windows: only the camera may be
 * granted, only to our own page; no navigation away; no new windows; no webviews.
 */
import type { Session as ElectronSession, WebContents } from 'electron'
import { isAllowedOrigin, isPermissionAllowed } from '../security/origin'

export function hardenSession(session: ElectronSession, allowedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(isPermissionAllowed(permission, webContents.getURL(), allowedOrigins))
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, allowedOrigins)
  )
}

export function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedOrigin(url, allowedOrigins)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedOrigin(url, allowedOrigins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
