/**
 * What a handler is given besides its validated request. The dispatcher resolves the signed-in person once per
 * request (after the access check and the staff re-check) and hands them over as `actor`: a handler of a
 * 'staff' or 'manager' channel gets a non-null Actor by type, so no handler repeats the guard.
 */
import type { ChannelName } from '../../shared/ipc/names'
import type { Contract } from '../../shared/ipc/contract'
import type { Actor } from '../audit/actor'
import type { Session } from './session'

export interface PublicContext {
  session: Session
  /** Whoever is signed in on this screen, if anyone (a public channel also runs signed out). */
  actor: Actor | null
}

export interface ActingContext {
  session: Session
  actor: Actor
}

export type ContextOf<K extends ChannelName> = Contract[K]['access'] extends 'public'
  ? PublicContext
  : ActingContext
