/** The station's scanner configuration, stored with the other settings. */
import type { DevicesConfig } from '../../shared/devices'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import { DevicesConfigSchema } from '../../shared/scannerConfig'

const KEY = 'devices.config'

export function readDevicesConfig(db: Db): DevicesConfig {
  const parsed = DevicesConfigSchema.safeParse(readSetting(db, KEY) ?? {})
  // A stored value that no longer parses (hand-edited, older version) falls back to no scanners rather
  // than stopping the station; the devices page shows the defaults and saving replaces it.
  return parsed.success ? parsed.data : DevicesConfigSchema.parse({})
}

export function writeDevicesConfig(db: Db, config: DevicesConfig): void {
  writeSetting(db, KEY, DevicesConfigSchema.parse(config))
}
