import type { HubMigration } from '../migrate'
import { m001 } from './001_initial'
import { m002 } from './002_chain'
import { m003 } from './003_chain_delivery'
import { m004 } from './004_store_policy'
import { m005 } from './005_hq'
import { m006 } from './006_chain_claims'
import { m007 } from './007_enrolment_attempts'
import { m008 } from './008_chain_months_batch'
import { m009 } from './009_feed_numbering'

/** Append new migrations here; never edit a released one (src/hub/README.md § Add a migration). */
export const HUB_MIGRATIONS: readonly HubMigration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009]
