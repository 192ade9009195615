/**
 * Timing rules that tell a keyboard-wedge scanner from a person. The schema, its defaults and their
 * reasons live in src/shared/devices.ts because the station stores them (devices page → main → database);
 * here they are only given the names the wedge code uses.
 */
import { wedgeSettingsSchema, type WedgeSettings } from '../../../shared/devices'

export type WedgeConfig = WedgeSettings

export const DEFAULT_WEDGE_CONFIG: Readonly<WedgeConfig> = Object.freeze(wedgeSettingsSchema.parse({}))

export function wedgeConfig(partial: Partial<WedgeConfig> = {}): WedgeConfig {
  return { ...DEFAULT_WEDGE_CONFIG, ...partial }
}
