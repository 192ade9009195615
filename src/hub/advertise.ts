/**
 * The mDNS hint (docs/hub.md § Finding the hub): a hub that listens beyond loopback advertises `_hexiao-hub._tcp`
 * so a till's set-up can offer its address. Only a hint: the address a manager typed always comes first, and a
 * network that drops multicast loses nothing but the suggestion. A failure to advertise is logged, never fatal.
 */
import { Bonjour } from 'bonjour-service'
import { HUB_MDNS_TYPE } from '../shared/hub/protocol'

export interface Advertisement {
  stop: () => Promise<void>
}

export function advertiseHub(
  port: number,
  txt: { epoch: string; storeId: string | null },
  log: (line: string) => void
): Advertisement {
  let bonjour: Bonjour | null = null
  try {
    bonjour = new Bonjour({}, (err: unknown) =>
      log(`mDNS advertise failed (the hub works; tills type its address): ${String(err)}`)
    )
    const service = bonjour.publish({
      name: `hexiao-hub-${txt.epoch.slice(0, 8)}`,
      type: HUB_MDNS_TYPE,
      port,
      txt: { epoch: txt.epoch, store: txt.storeId ?? '' }
    })
    service.on('error', (err: unknown) => log(`mDNS advertise failed: ${String(err)}`))
  } catch (err) {
    log(`mDNS advertise failed (the hub works; tills type its address): ${String(err)}`)
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (!bonjour) return resolve()
        const b = bonjour
        bonjour = null
        // unpublishAll sends the goodbye packets; destroy closes the socket. Neither may hold the stop up.
        const timer = setTimeout(() => {
          b.destroy()
          resolve()
        }, 1000)
        b.unpublishAll(() => {
          clearTimeout(timer)
          b.destroy()
          resolve()
        })
      })
  }
}
