import type { HubMigration } from '../migrate'

/**
 * Delivering chain duplicates back to both tills (docs/chain.md § Duplicates): a duplicate is sent in every answer
 * to each of its two tills until that till reports it stored (`seenDuplicates`), so a lost answer loses nothing.
 * A cursor over `chain_duplicates.id` would not do: a bigserial can commit out of order across two ingest
 * processes, and a till reading "after id N" would skip one for ever. Partial indexes keep "not yet seen by this
 * till" a small read whatever the table's size.
 */
export const m003: HubMigration = {
  version: 3,
  name: 'chain_delivery',
  sql: `
ALTER TABLE chain_duplicates ADD COLUMN first_seen_at bigint, ADD COLUMN second_seen_at bigint;
CREATE INDEX chain_duplicates_first_unseen ON chain_duplicates (first_till_id, id) WHERE first_seen_at IS NULL;
CREATE INDEX chain_duplicates_second_unseen ON chain_duplicates (second_till_id, id) WHERE second_seen_at IS NULL;
CREATE INDEX till_events_redemption ON till_events (redemption_id) WHERE redemption_id IS NOT NULL;
`
}
