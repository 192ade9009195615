/**
 * The preload bridge: exposes exactly one function per contract channel and one subscribe
 * function per event under window.hexiao — no ipcRenderer, no generic send, no process.
 * Bundled into a single CommonJS file because the renderer runs sandboxed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNEL_NAMES, EVENT_CHANNEL_PREFIX, EVENT_NAMES } from '../shared/ipc/names'
import { BRIDGE_GLOBAL, type StationBridge } from '../shared/ipc/api'

const invoke = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])
) as unknown as StationBridge['invoke']

const subscribe = Object.fromEntries(
  EVENT_NAMES.map((event) => [
    event,
    (listener: (payload: unknown) => void) => {
      const wrapped = (_e: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(`${EVENT_CHANNEL_PREFIX}${event}`, wrapped)
      return () => ipcRenderer.removeListener(`${EVENT_CHANNEL_PREFIX}${event}`, wrapped)
    }
  ])
) as unknown as StationBridge['subscribe']

const bridge: StationBridge = { invoke, subscribe }
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
