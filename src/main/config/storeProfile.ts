/** The store this station stands in: its zone and business-day cut-off, read from settings. */
import { z } from 'zod'
import { DEFAULT_CUTOFF_MINUTES, DEFAULT_TIME_ZONE, isValidTimeZone } from '../../shared/time'
import type { Db } from '../db/open'
import { readSetting } from '../db/settings'

export const StoreProfileSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, 'not a known IANA time zone'),
  cutoffMinutes: z
    .number()
    .int()
    .min(0)
    .max(23 * 60 + 59)
})
export type StoreProfile = z.infer<typeof StoreProfileSchema>

export const DEFAULT_STORE_PROFILE: StoreProfile = {
  timeZone: DEFAULT_TIME_ZONE,
  cutoffMinutes: DEFAULT_CUTOFF_MINUTES
}

export function readStoreProfile(db: Db): StoreProfile {
  const parsed = StoreProfileSchema.safeParse(readSetting(db, 'store.profile'))
  return parsed.success ? parsed.data : DEFAULT_STORE_PROFILE
}
