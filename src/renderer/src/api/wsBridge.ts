/**
 * The contract over the Node host's WebSocket, shaped exactly like the Electron preload
 * bridge. Calls made before the socket is open wait for it; calls in flight when it drops
 * are answered with DISCONNECTED rather than left hanging.
 */
import { CHANNEL_NAMES, EVENT_NAMES, type EventName } from '../../../shared/ipc/names'
import type { StationBridge } from '../../../shared/ipc/api'
import type { Result } from '../../../shared/result'
import { ServerFrame, type ClientFrame } from '../../../shared/ipc/wire'

type Pending = (result: Result<unknown>) => void

export function createWsBridge(wsUrl: string): StationBridge {
  let nextId = 1
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let socket: WebSocket
  let opened: Promise<void>

  const connect = () => {
    socket = new WebSocket(wsUrl)
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }))
    socket.addEventListener('message', (message) => onMessage(String(message.data)))
    socket.addEventListener('close', () => {
      for (const [, answer] of pending) answer(disconnected)
      pending.clear()
      setTimeout(connect, 1000)
    })
  }

  const onMessage = (text: string) => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return
    }
    const frame = ServerFrame.safeParse(json)
    if (!frame.success) return
    const message = frame.data
    if (message.t === 'result') {
      pending.get(message.id)?.(message.result as Result<unknown>)
      pending.delete(message.id)
    } else if (message.t === 'event') {
      listeners.get(message.event)?.forEach((listener) => listener(message.payload))
    }
  }

  const call = async (channel: string, request: unknown): Promise<Result<unknown>> => {
    await opened
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      const frame: ClientFrame = { t: 'call', id, channel, request }
      socket.send(JSON.stringify(frame))
    })
  }

  connect()
  const invoke = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, (req: unknown) => call(c, req)]))
  const subscribe = Object.fromEntries(
    EVENT_NAMES.map((event) => [
      event,
      (listener: (payload: unknown) => void) => {
        const set = listeners.get(event) ?? new Set()
        set.add(listener)
        listeners.set(event, set)
        return () => set.delete(listener)
      }
    ])
  )
  return { invoke, subscribe } as unknown as StationBridge
}

const disconnected: Result<never> = {
  ok: false,
  error: { code: 'DISCONNECTED', message: 'The connection to the station service was lost.' }
}
