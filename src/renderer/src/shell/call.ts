/**
 * The renderer's way to call a channel. Besides passing the request through, it notices the two answers
 * that mean "this screen's session is gone" — LOCKED (main locked it after inactivity), NOT_SIGNED_IN
 * (the host restarted or the socket reconnected) and STAFF_INACTIVE (a manager deactivated the person;
 * also answered to a stale sign-in, where the refresh is harmless) — and tells the session gate, so every page gets the lock
 * or sign-in screen without handling it itself.
 */
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract'
import type { ChannelName } from '../../../shared/ipc/names'
import type { Result } from '../../../shared/result'
import { station } from '../api'

export type SessionTrouble = 'LOCKED' | 'NOT_SIGNED_IN'

const SESSION_TROUBLE: Readonly<Record<string, SessionTrouble>> = {
  LOCKED: 'LOCKED',
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  // A manager deactivated this person: main has ended the session (the sign-in screen says why).
  STAFF_INACTIVE: 'NOT_SIGNED_IN'
}

const listeners = new Set<(trouble: SessionTrouble) => void>()

export function onSessionTrouble(listener: (trouble: SessionTrouble) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export async function call<K extends ChannelName>(
  channel: K,
  request: RequestOf<K>
): Promise<Result<ResponseOf<K>>> {
  const invoke = station.invoke[channel] as (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>
  const result = await invoke(request)
  if (!result.ok) {
    const trouble = SESSION_TROUBLE[result.error.code]
    if (trouble) listeners.forEach((listener) => listener(trouble))
  }
  return result
}
