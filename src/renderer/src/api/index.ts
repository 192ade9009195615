/**
 * The renderer's one way to reach the station. In Electron the preload put the bridge on
 * window.hexiao; in a browser against the Node host we open the WebSocket with the token
 * the host put in the URL fragment. Nothing else in the renderer knows which it is.
 */
import { BRIDGE_GLOBAL, type StationBridge } from '../../../shared/ipc/api'
import { createWsBridge } from './wsBridge'

const TOKEN_KEY = 'hexiao.hostToken'

function hostToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    // Keep the token out of the visible address bar and of screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return fromHash
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

function connect(): StationBridge {
  const fromPreload = (window as unknown as Record<string, StationBridge | undefined>)[BRIDGE_GLOBAL]
  if (fromPreload) return fromPreload
  const token = hostToken() ?? ''
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return createWsBridge(`${scheme}://${window.location.host}/ipc?token=${encodeURIComponent(token)}`)
}

export const station: StationBridge = connect()
