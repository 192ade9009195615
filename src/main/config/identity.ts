/**
 * Which station and store this is: shown on every redemption, used for store restrictions
 * (WeChat POI location id). The station id is generated once and never changes.
 */
import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'
import type { StationMode } from '../../shared/ipc/types'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import { TRAINING_STORE_LOCATION_ID } from '../upstream/sandbox'

export const StationIdentitySchema = z.object({
  stationId: z.string().min(1),
  stationName: z.string().trim().min(1).max(40),
  storeName: z.string().trim().min(1).max(60),
  /** WeChat POI id of the store; undefined until set-up enters it. */
  storeLocationId: z.number().int().positive().optional()
})
export type StationIdentity = z.infer<typeof StationIdentitySchema>

const KEY = 'station.identity'

export function readIdentity(db: Db, mode: StationMode): StationIdentity {
  const parsed = StationIdentitySchema.safeParse(readSetting(db, KEY))
  if (parsed.success) return parsed.data
  const fresh: StationIdentity =
    mode === 'training'
      ? {
          stationId: uuidv7(),
          stationName: '收银台 1',
          storeName: '培训门店',
          storeLocationId: TRAINING_STORE_LOCATION_ID
        }
      : { stationId: uuidv7(), stationName: '收银台 1', storeName: '门店' }
  writeSetting(db, KEY, fresh)
  return fresh
}

export function writeIdentity(db: Db, identity: StationIdentity): void {
  writeSetting(db, KEY, StationIdentitySchema.parse(identity))
}
