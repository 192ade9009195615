/**
 * Times on the HQ page and in its exports: UTC epoch ms shown on the store's own clock (its IANA zone), as
 * YYYY-MM-DD HH:mm(:ss). Environment-free (Intl only), so the hub's exports and the page write the same text.
 */
const formats = new Map<string, Intl.DateTimeFormat>()

function partsIn(ms: number, zone: string): Record<string, string> {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23'
    })
    formats.set(zone, format)
  }
  return Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]))
}

export function storeDateTime(ms: number, zone: string, seconds = false): string {
  const p = partsIn(ms, zone)
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}${seconds ? `:${p['second']}` : ''}`
}

/** Today's business date on a zone's clock (the HQ page opens on Shanghai's today). */
export function dateIn(ms: number, zone: string): string {
  const p = partsIn(ms, zone)
  return `${p['year']}-${p['month']}-${p['day']}`
}

/** The zone's offset from UTC at that instant, in minutes (Shanghai: 480, Urumqi: 360). */
export function offsetMinutes(ms: number, zone: string): number {
  const p = partsIn(ms, zone)
  const local = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    Number(p['hour']),
    Number(p['minute']),
    Number(p['second'])
  )
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000)
}
