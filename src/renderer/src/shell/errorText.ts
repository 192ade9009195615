/** A cashier-facing sentence for an error the station answered with, in the current language. */
import type { TFunction } from 'i18next'
import type { AppError } from '../../../shared/result'

export function errorText(t: TFunction, error: AppError): string {
  if (error.code === 'PIN_LOCKED') {
    const retryInMs = (error.details as { retryInMs?: unknown } | undefined)?.retryInMs
    const seconds = typeof retryInMs === 'number' ? Math.max(1, Math.ceil(retryInMs / 1000)) : 60
    return t('errors.PIN_LOCKED', { seconds })
  }
  // Main sends a code and, where the words need them, params in details (docs/i18n.md); never words.
  const params =
    error.details !== null && typeof error.details === 'object' && !Array.isArray(error.details)
      ? (error.details as Record<string, unknown>)
      : {}
  const key = `errors.${error.code}`
  return t(key, { ...params, defaultValue: '' }) || t('errors.unknown', { message: error.message })
}
