/** Main → renderer events. Transports (Electron webContents, host WebSockets) subscribe to all of them. */
import type { EventName } from '../../shared/ipc/names'
import type { EventPayload } from '../../shared/ipc/contract'

type AnyListener = (event: EventName, payload: unknown) => void

export class EventBus {
  private readonly listeners = new Set<AnyListener>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch {
        // One broken transport must not stop the others from hearing the event.
      }
    }
  }

  /** Every event, for a transport to forward; returns the unsubscribe function. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
