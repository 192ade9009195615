/** Every migration of the station database, in order. Append; never edit a released one. */
import type { Migration } from '../migrate'
import { m001Settings } from './001_settings'
import { m002Ledger } from './002_ledger'
import { m003Staff } from './003_staff'

export const migrations: readonly Migration[] = [m001Settings, m002Ledger, m003Staff]
