/**
 * Wires the contract onto ipcMain: one handler per channel name, each checking that the
 * sender is our own page before the shared dispatcher validates and runs it.
 */
import { ipcMain, type WebContents } from 'electron'
import { CHANNEL_NAMES, EVENT_CHANNEL_PREFIX } from '../../shared/ipc/names'
import { fail } from '../../shared/result'
import { createDispatcher } from '../ipc/dispatcher'
import { Session } from '../ipc/session'
import { isAllowedOrigin } from '../security/origin'
import type { Station } from '../station/station'

export function registerIpc(station: Pick<Station, 'handlers'>, allowedOrigins: readonly string[]): void {
  const dispatch = createDispatcher(station.handlers, (line) => console.error(line))
  const sessions = new Map<number, Session>()
  const sessionFor = (contents: WebContents): Session => {
    let session = sessions.get(contents.id)
    if (!session) {
      session = new Session(contents.getURL())
      sessions.set(contents.id, session)
      contents.once('destroyed', () => sessions.delete(contents.id))
    }
    return session
  }
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      const senderUrl = event.senderFrame?.url
      if (!isAllowedOrigin(senderUrl, allowedOrigins)) {
        return fail('FORBIDDEN_SENDER', 'Requests are only accepted from the station page.')
      }
      return dispatch(channel, request, sessionFor(event.sender))
    })
  }
}

export function forwardEvents(station: Pick<Station, 'events'>, contents: WebContents): () => void {
  return station.events.onAny((event, payload) => {
    if (!contents.isDestroyed()) contents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload)
  })
}
