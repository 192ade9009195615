/**
 * The shape every transport gives the renderer: one function per channel and one
 * subscribe function per event. The preload bridge (Electron) and the WebSocket client
 * (Node host) both implement it; nothing else in the renderer knows which one it has.
 */
import type { Result } from '../result'
import type { ChannelName, EventName } from './names'
import type { EventPayload, RequestOf, ResponseOf } from './contract'

export type Invokers = {
  [K in ChannelName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>
}

export type Unsubscribe = () => void

export type Subscribers = {
  [E in EventName]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe
}

export interface StationBridge {
  invoke: Invokers
  subscribe: Subscribers
}

/** Name of the single global the preload exposes in Electron. */
export const BRIDGE_GLOBAL = 'hexiao'
