/** Words for numbers and times on the HQ page: ¥ from integer fen, times on the store's clock, its zone by name. */
import type { TFunction } from 'i18next'
import { offsetMinutes, storeDateTime } from '../../shared/hub/hqTime'
import { formatFen } from '../../shared/money'
import { HqApiError } from './api'

export const yuan = (fen: number): string => formatFen(fen)

export const atStore = (ms: number | null, zone: string): string | null =>
  ms === null ? null : storeDateTime(ms, zone)

/**
 * The store's zone in words from the catalogue, against Beijing time (what HQ in China reads every day):
 * "北京时间" / "比北京时间慢 2 小时". Never the IANA id, and not Intl's zone names (Chromium's trimmed ICU
 * answers some of them in English).
 */
export function zoneName(zone: string, t: TFunction): string {
  let diff: number
  try {
    diff = offsetMinutes(Date.now(), zone) - 480
  } catch {
    return zone
  }
  if (diff === 0) return t('hq.zone.beijing')
  const hours = Math.abs(diff) % 60 === 0 ? String(Math.abs(diff) / 60) : (Math.abs(diff) / 60).toFixed(1)
  return t(diff < 0 ? 'hq.zone.behind' : 'hq.zone.ahead', { h: hours })
}

export function duration(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  // Under a minute only with a hub threshold below one (--quiet-after-minutes 0.1): "0 min" would read as "not silent".
  if (minutes === 0) return t('hqQuietSetting.secondsShort', { s: Math.max(0, Math.floor(ms / 1000)) })
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
