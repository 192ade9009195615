/**
 * formatLocal(at, zone) with its default pattern ('yyyy-LL-dd HH:mm'), for the times the rules put in reason
 * texts (a duplicate's original redemption, a code's validity window): the same string, without building a
 * luxon DateTime, a formatter and an Intl call on every scan.
 *
 * Why it is the same string: the offset comes from the very zone object luxon's DateTime uses
 * (Info.normalizeZone) and is applied with the same arithmetic; it is kept per UTC day only when the zone has
 * the same offset at both ends of that day (a day with a change in it asks luxon at the exact instant); the
 * digits are checked once per zone against formatLocal itself (a locale with other digits keeps using it);
 * an invalid zone, a non-finite instant or a year outside 1000–9999 goes through formatLocal.
 */
import { Info, type Zone } from 'luxon'
import { formatLocal, type EpochMs } from '../time'

const DAY_MS = 86_400_000
const SAMPLE = Date.UTC(2026, 0, 15, 3, 4)

interface ZoneOffsets {
  zone: Zone
  /** UTC day number → the zone's offset (minutes) all that day, or NaN when it changes that day. */
  days: Map<number, number>
}

const zones = new Map<string, ZoneOffsets | null>()

const two = (n: number): string => (n < 10 ? `0${n}` : String(n))

export function formatLocalMinute(at: EpochMs, zoneName: string): string {
  const offsets = offsetsOf(zoneName)
  if (offsets === null || !Number.isFinite(at)) return formatLocal(at, zoneName)
  return wallClock(offsets, at) ?? formatLocal(at, zoneName)
}

function offsetsOf(zoneName: string): ZoneOffsets | null {
  let offsets = zones.get(zoneName)
  if (offsets === undefined) {
    const zone = Info.normalizeZone(zoneName)
    offsets = zone.isValid ? { zone, days: new Map() } : null
    if (offsets !== null && wallClock(offsets, SAMPLE) !== formatLocal(SAMPLE, zoneName)) offsets = null
    if (zones.size < 100) zones.set(zoneName, offsets)
  }
  return offsets
}

function wallClock(offsets: ZoneOffsets, at: EpochMs): string | null {
  const day = Math.floor(at / DAY_MS)
  let offset = offsets.days.get(day)
  if (offset === undefined) {
    const first = offsets.zone.offset(day * DAY_MS)
    offset = first === offsets.zone.offset(day * DAY_MS + DAY_MS - 1) ? first : NaN
    if (offsets.days.size >= 4000) offsets.days.clear()
    offsets.days.set(day, offset)
  }
  if (Number.isNaN(offset)) offset = offsets.zone.offset(at)
  // luxon's own arithmetic (tsToObj), so a fractional-minute offset rounds the same way.
  const wall = new Date(at + offset * 60 * 1000)
  const year = wall.getUTCFullYear()
  if (!(year >= 1000 && year <= 9999)) return null
  return `${year}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`
}
