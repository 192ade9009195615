import type { HubMigration } from '../migrate'

/**
 * Number 6 is kept for the store hub's next migration, written on another branch at the same time; the chain's
 * partitions and batch ingest are 007. This empty step only keeps the numbers gap-free (db/migrate.ts refuses a
 * gap) until that migration is merged; the merge replaces this file with it.
 */
export const m006: HubMigration = {
  version: 6,
  name: 'reserved',
  sql: 'SELECT 1'
}
