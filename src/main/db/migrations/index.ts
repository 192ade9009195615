/** Every migration of the station database, in order. Append; never edit a released one. */
import type { Migration } from '../migrate'
import { m001Settings } from './001_settings'
import { m002Ledger } from './002_ledger'
import { m003Staff } from './003_staff'
import { m004Sync } from './004_sync'
import { m005Reports } from './005_reports'
import { m006LedgerCounts } from './006_ledger_counts'
import { m007CustomCodeKeys } from './007_custom_code_keys'
import { m008PrintJobs } from './008_print_jobs'
import { m009StoreLink } from './009_store_link'
import { m010ChainLane } from './010_chain_lane'
import { m011StoreDay } from './011_store_day'
import { m012ChainClaims } from './012_chain_claims'

export const migrations: readonly Migration[] = [
  m001Settings,
  m002Ledger,
  m003Staff,
  m004Sync,
  m005Reports,
  m006LedgerCounts,
  m007CustomCodeKeys,
  m008PrintJobs,
  m009StoreLink,
  m010ChainLane,
  m011StoreDay,
  m012ChainClaims
]
