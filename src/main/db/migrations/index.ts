/** Every migration of the station database, in order. Append; never edit a released one. */
import type { Migration } from '../migrate'
import { m001Settings } from './001_settings'

export const migrations: readonly Migration[] = [m001Settings]
