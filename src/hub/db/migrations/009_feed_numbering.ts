import type { HubMigration } from '../migrate'

/**
 * The feed numbered after commit (docs/hub.md § Feed). A claim used to take its sequence number from
 * hub_meta.last_seq inside its own transaction, so every claim held that row lock across its durable commit and
 * claims committed one fsync at a time. Now a writing transaction inserts its event with `seq` NULL and an `id`
 * from an identity; a short numbering transaction (any hub process) then takes the hub_meta row lock, gives every
 * committed unnumbered event the next numbers in `id` order and commits — one fsync for many claims. Numbers
 * still commit in order and without gaps, because only the numbering transaction hands them out and it holds the
 * row lock to its commit.
 * - `id`: the new primary key, the order in which events were written (a claim's `claimed` is always written
 *   before its `completed`, which needs the committed claim).
 * - `seq`: NULL until numbered; unique once set. The partial index finds the unnumbered ones.
 * - hub_number_feed(batch): one numbering round (store/feedNumbering.ts).
 * - claims.seq is no longer written (0 for new claims): a claim's latest number is read from its events (index
 *   claim_events_redemption).
 */
export const m009: HubMigration = {
  version: 9,
  name: 'feed_numbering',
  sql: `
ALTER TABLE claim_events DROP CONSTRAINT claim_events_pkey;
ALTER TABLE claim_events ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE claim_events ADD PRIMARY KEY (id);
ALTER TABLE claim_events ALTER COLUMN seq DROP NOT NULL;
CREATE UNIQUE INDEX claim_events_seq ON claim_events (seq);
CREATE INDEX claim_events_unnumbered ON claim_events (id) WHERE seq IS NULL;
CREATE INDEX claim_events_redemption ON claim_events (redemption_id, seq);

-- One numbering round in one call (one round trip, its own implicit transaction). VOLATILE: each statement inside
-- takes a fresh snapshot, so the UPDATE after the lock sees the numbers the previous holder committed. Nothing to
-- number: no lock, no write, no durable commit.
CREATE FUNCTION hub_number_feed(batch integer) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  last bigint;
  n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM claim_events WHERE seq IS NULL) THEN
    RETURN 0;
  END IF;
  SELECT last_seq INTO last FROM hub_meta FOR UPDATE;
  WITH pending AS (
    SELECT id, row_number() OVER (ORDER BY id) AS rn FROM claim_events WHERE seq IS NULL ORDER BY id LIMIT batch
  )
  UPDATE claim_events e SET seq = last + p.rn FROM pending p WHERE e.id = p.id;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    UPDATE hub_meta SET last_seq = last + n;
    PERFORM pg_notify('hexiao_hub_feed', (last + n)::text);
  END IF;
  RETURN n;
END
$$;
`
}
