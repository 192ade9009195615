/**
 * The mDNS hint (docs/hub.md § Finding the hub): browse `_hexiao-hub._tcp` for a short while and offer the
 * addresses found. Only a hint: set-up lists the configured address first, and a network without multicast just
 * finds nothing (the manager types the address shown on the hub till).
 */
import { networkInterfaces } from 'node:os'
import { Bonjour } from 'bonjour-service'
import { HUB_MDNS_TYPE } from '../../shared/hub/protocol'

export interface FoundHub {
  url: string
  epoch: string | null
}

export function browseHubs(waitMs = 2000): Promise<FoundHub[]> {
  return new Promise((resolve) => {
    const found = new Map<string, FoundHub>()
    let bonjour: Bonjour
    try {
      bonjour = new Bonjour({}, () => undefined)
    } catch {
      resolve([])
      return
    }
    const browser = bonjour.find({ type: HUB_MDNS_TYPE }, (service) => {
      const epoch = typeof service.txt?.epoch === 'string' ? (service.txt.epoch as string) : null
      // IPv4 addresses only: a manager reads and types these; the referer (who answered) is the surest one.
      const addresses = [service.referer?.address, ...(service.addresses ?? [])].filter(
        (a): a is string => typeof a === 'string' && /^\d+\.\d+\.\d+\.\d+$/.test(a)
      )
      for (const address of addresses) {
        const url = `http://${address}:${service.port}`
        if (!found.has(url)) found.set(url, { url, epoch })
      }
    })
    setTimeout(() => {
      browser.stop()
      bonjour.destroy()
      resolve([...found.values()])
    }, waitMs)
  })
}

/** This machine's IPv4 LAN addresses (what the other tills of the store type to reach a hub here). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address)
}
