/** A cashier-facing sentence for an error the station answered with, in the current language. */
import type { TFunction } from 'i18next'
import type { AppError } from '../../../shared/result'

export function errorText(t: TFunction, error: AppError): string {
  if (error.code === 'PIN_LOCKED') {
    const retryInMs = (error.details as { retryInMs?: unknown } | undefined)?.retryInMs
    const seconds = typeof retryInMs === 'number' ? Math.max(1, Math.ceil(retryInMs / 1000)) : 60
    return t('errors.PIN_LOCKED', { seconds })
  }
  const key = `errors.${error.code}`
  // Words that name things (STORE_DUPLICATE: which till, which cashier, when) take their params from details.
  const params =
    error.details !== null && typeof error.details === 'object' && !Array.isArray(error.details)
      ? (error.details as Record<string, unknown>)
      : {}
  return t(key, { ...params, defaultValue: '' }) || t('errors.unknown', { message: error.message })
}
