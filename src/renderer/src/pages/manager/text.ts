/** Words for the manager pages: the reports' own error codes first, then the shell's. */
import type { TFunction } from 'i18next'
import type { AppError } from '../../../../shared/result'
import { errorText } from '../../shell/errorText'

export function reportsErrorText(t: TFunction, error: AppError): string {
  return t(`reports.errors.${error.code}`, { defaultValue: '' }) || errorText(t, error)
}

/** '04:00' from minutes after midnight. */
export const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** Browser download of a URL the station offered (the Node host's one-time export link). */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/** YYYY-MM-DD ± n days, on the calendar (no time zone involved). */
export function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

/**
 * antd's danger red (#ff4d4f) under white text is 3.2:1, below WCAG AA: the manager pages' irreversible
 * actions (close the day, restore) use this darker red instead (7.9:1).
 */
export const DANGER_BUTTON = { background: '#A8071A', borderColor: '#A8071A', color: '#fff' } as const
