/** Display formats: money from integer fen, instants in the store's time zone. Never the browser's zone. */
import { formatFen, type Fen } from '../../../shared/money'
import { formatLocal, type EpochMs } from '../../../shared/time'

export const moneyText = (fen: Fen): string => formatFen(fen)

export const dateTimeText = (at: EpochMs, zone: string): string =>
  formatLocal(at, zone, 'yyyy-LL-dd HH:mm:ss')

export const dateText = (at: EpochMs, zone: string): string => formatLocal(at, zone, 'yyyy-LL-dd')

export const clockText = (at: EpochMs, zone: string): string => formatLocal(at, zone, 'HH:mm:ss')

/** A waiting time in whole minutes (at least 1 once anything is waiting) or seconds under a minute. */
export function ageParts(ms: number): { unit: 'seconds' | 'minutes' | 'hours'; count: number } {
  if (ms < 60_000) return { unit: 'seconds', count: Math.max(0, Math.floor(ms / 1000)) }
  if (ms < 3_600_000) return { unit: 'minutes', count: Math.floor(ms / 60_000) }
  return { unit: 'hours', count: Math.floor(ms / 3_600_000) }
}
