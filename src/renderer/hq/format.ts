/** Words for numbers and times on the HQ page: ¥ from integer fen, times on the store's clock, its zone by name. */
import type { TFunction } from 'i18next'
import { storeDateTime } from '../../shared/hub/hqTime'
import { formatFen } from '../../shared/money'
import { HqApiError } from './api'

export const yuan = (fen: number): string => formatFen(fen)

export const atStore = (ms: number | null, zone: string): string | null =>
  ms === null ? null : storeDateTime(ms, zone)

/** "中国标准时间" / "China Standard Time": the zone in the reader's language, never its IANA id. */
export function zoneName(zone: string, lang: string): string {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(Date.now())
      .find((p) => p.type === 'timeZoneName')
    return part?.value ?? zone
  } catch {
    return zone
  }
}

export function duration(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return t('hq.duration.minutes', { m: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('hq.duration.hours', { h: hours, m: minutes % 60 })
  return t('hq.duration.days', { d: Math.floor(hours / 24), h: hours % 24 })
}

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof HqApiError) {
    if (err.code === 'LOCKED')
      return t('hq.error.LOCKED', {
        time: err.lockedUntil ? storeDateTime(err.lockedUntil, 'Asia/Shanghai') : ''
      })
    return t(`hq.error.${err.code}`)
  }
  return t('hq.error.INTERNAL')
}

/** The business date `days` after `date` (YYYY-MM-DD, calendar arithmetic in UTC). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
