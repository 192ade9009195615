import type { HubMigration } from '../migrate'

/**
 * The chain hub at catch-up scale (docs/chain.md § Ingest, § Monthly partitions; docs/performance.md § Chain hub).
 *
 * 1. `redemptions` gets one partition per month of business date (declaratively; migration 002 made it
 *    partitioned with a DEFAULT partition only). `chain_redemption_months(from, to)` creates the month partitions
 *    of that range that are missing, moving any rows the DEFAULT partition already holds for such a month into it
 *    first (PostgreSQL refuses a new partition whose rows sit in the default). The DEFAULT partition stays, so a
 *    till whose clock is years off never fails an insert. This migration makes the months that hold rows now and
 *    the current month plus three ahead; the hub calls the function again at start and once a day
 *    (ChainIngest.ensureMonths), so months are always made ahead of use. An advisory lock keeps two hub processes
 *    from making the same month at once. `code_claims` stays unpartitioned: its key must span all months.
 *
 * 2. `chain_ingest_batch(…)`: the whole ingest of one batch in ONE statement, so one round trip per batch instead
 *    of a dozen (under load every round trip waits for the scheduler: docs/performance.md § Chain hub). It does
 *    exactly what ChainIngest did statement by statement: lock the till's cursor, insert the events ON CONFLICT DO
 *    NOTHING, refuse a different event under a held seq (SQLSTATE HXC01, message = the seq, detail = the event id
 *    held there or ''), move to the highest contiguous seq, apply exactly the events between the old and new
 *    cursor (set-based), move the cursor, note the till as heard from, mark the duplicates it reported, and
 *    return the duplicates it has not seen yet as JSON. The events come as one JSON array (no array literal to
 *    escape per body). PL/pgSQL keeps each statement's plan for the session: prepared statements for free.
 */
export const m008: HubMigration = {
  version: 8,
  name: 'chain_months_batch',
  sql: `
CREATE FUNCTION chain_redemption_months(p_from date, p_to date) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  m date := date_trunc('month', p_from)::date;
  next_m date;
  part text;
  made integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(1751278130); -- 'hub2': one maker of partitions at a time
  WHILE m <= p_to LOOP
    next_m := (m + interval '1 month')::date;
    part := 'redemptions_' || to_char(m, 'YYYY_MM');
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE redemptions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
      EXECUTE format(
        'WITH moved AS (DELETE FROM redemptions_default WHERE business_date >= %L AND business_date < %L RETURNING *)
         INSERT INTO %I SELECT * FROM moved', m, next_m, part);
      EXECUTE format('ALTER TABLE redemptions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, m, next_m);
      made := made + 1;
    END IF;
    m := next_m;
  END LOOP;
  RETURN made;
END
$fn$;

SELECT chain_redemption_months(m, m)
FROM (SELECT DISTINCT date_trunc('month', business_date)::date AS m FROM redemptions_default) months;
SELECT chain_redemption_months(current_date, (current_date + interval '3 months')::date);

CREATE FUNCTION chain_ingest_batch(
  p_till text, p_store text, p_now bigint, p_queue_depth integer, p_events jsonb, p_seen bigint[],
  p_duplicates_max integer,
  OUT o_ack bigint, OUT o_stored integer, OUT o_duplicates jsonb
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_acked bigint;
  v_highest bigint;
  v_count integer := jsonb_array_length(p_events);
  v_bad record;
  v_lost_id uuid[];
  v_lost_card text[];
  v_lost_code text[];
  v_lost_at bigint[];
BEGIN
  INSERT INTO till_cursor (till_id, updated_at) VALUES (p_till, p_now) ON CONFLICT (till_id) DO NOTHING;
  SELECT acked_seq, highest_seen INTO v_acked, v_highest FROM till_cursor WHERE till_id = p_till FOR UPDATE;

  o_stored := 0;
  IF v_count > 0 THEN
    WITH ins AS (
      INSERT INTO till_events (till_id, seq, event_id, kind, redemption_id, till_at, business_date, body, received_at)
      SELECT p_till, e.seq, e."eventId", e.kind, (e.body->>'redemptionId')::uuid, e."tillAt", e."businessDate",
        e.body, p_now
      FROM jsonb_to_recordset(p_events) AS e (seq bigint, "eventId" uuid, kind text, "tillAt" bigint,
        "businessDate" date, body jsonb)
      ON CONFLICT DO NOTHING
      RETURNING 1)
    SELECT count(*) INTO o_stored FROM ins;
    IF o_stored < v_count THEN
      -- Every event the hub already held must be the very same event (a replay); else nothing is kept.
      SELECT e.seq, t.event_id::text AS held INTO v_bad
      FROM jsonb_to_recordset(p_events) AS e (seq bigint, "eventId" uuid)
      LEFT JOIN till_events t ON t.till_id = p_till AND t.seq = e.seq
      WHERE t.event_id IS DISTINCT FROM e."eventId"
      ORDER BY e.seq LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'HXC01', MESSAGE = v_bad.seq::text, DETAIL = coalesce(v_bad.held, '');
      END IF;
    END IF;
    v_highest := greatest(v_highest, (p_events->(v_count - 1)->>'seq')::bigint);
  END IF;

  SELECT COALESCE(MAX(seq), v_acked) INTO o_ack FROM (
    SELECT seq, seq - ROW_NUMBER() OVER (ORDER BY seq) AS base FROM till_events
    WHERE till_id = p_till AND seq > v_acked) t
  WHERE base = v_acked;

  IF o_ack > v_acked THEN
    -- 1. a redeemed event inserts its redemption, once per redemption id
    INSERT INTO redemptions (redemption_id, business_date, store_id, till_id, platform, card_id, code, card_title,
      cashier_id, cashier_name, amount_fen, bill_fen, redeemed_at, status, status_at, last_seq)
    SELECT DISTINCT ON (e.redemption_id) e.redemption_id, e.business_date, p_store, e.till_id, 'wechat',
      e.body->>'cardId', e.body->>'code', e.body->>'cardTitle', e.body->>'cashierId', e.body->>'cashierName',
      (e.body->>'amountFen')::bigint, (e.body->>'billFen')::bigint, (e.body->>'redeemedAt')::bigint,
      e.body->>'status', (e.body->>'redeemedAt')::bigint, e.seq
    FROM till_events e
    WHERE e.till_id = p_till AND e.seq > v_acked AND e.seq <= o_ack AND e.kind = 'redeemed'
      AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.redemption_id = e.redemption_id)
    ORDER BY e.redemption_id, e.seq;

    -- 2. each redemption takes its latest status by seq, never by the till's clock
    UPDATE redemptions r SET status = s.kind, status_at = s.till_at, last_seq = s.seq
    FROM (SELECT DISTINCT ON (e.redemption_id) e.redemption_id, e.kind, e.till_at, e.seq FROM till_events e
          WHERE e.till_id = p_till AND e.seq > v_acked AND e.seq <= o_ack
            AND e.kind IN ('synced', 'conflict', 'rejected', 'voided')
          ORDER BY e.redemption_id, e.seq DESC) s
    WHERE r.redemption_id = s.redemption_id AND r.till_id = p_till AND r.last_seq < s.seq;

    -- 3. a voided redemption frees its claim
    DELETE FROM code_claims WHERE redemption_id IN
      (SELECT e.redemption_id FROM till_events e
       WHERE e.till_id = p_till AND e.seq > v_acked AND e.seq <= o_ack AND e.kind = 'voided');

    -- 4. each redemption still live at the end of the range claims its code, first writer wins
    --    (not voided later in the range: the last void of each redemption, hashed once, not one probe per row).
    --    The key is claimCardOf's (a plain code under ''), as a claim before committing keys it (chainClaims.ts).
    --    Claims before committing (migration 006, docs/chain.md § Claims before committing) give way to what the
    --    lane records: a redemption's own unconfirmed claim is replaced by its recorded one (never a duplicate of
    --    itself), and another redemption's unconfirmed claim of the same coupon loses to a recorded redemption.
    --    (The same two CTEs twice: the DELETE must be its own statement, so the INSERT sees its effect.)
    WITH voids AS (
      SELECT v.redemption_id, max(v.seq) AS seq FROM till_events v
      WHERE v.till_id = p_till AND v.seq > v_acked AND v.seq <= o_ack AND v.kind = 'voided'
      GROUP BY v.redemption_id),
    fresh AS (
      SELECT e.redemption_id, e.seq,
        CASE WHEN (e.body->>'customCode')::boolean THEN e.body->>'cardId' ELSE '' END AS card,
        e.body->>'code' AS code, (e.body->>'redeemedAt')::bigint AS at
      FROM till_events e LEFT JOIN voids vd ON vd.redemption_id = e.redemption_id
      WHERE e.till_id = p_till AND e.seq > v_acked AND e.seq <= o_ack AND e.kind = 'redeemed'
        AND e.body->>'status' <> 'voided' AND (vd.seq IS NULL OR vd.seq < e.seq))
    DELETE FROM code_claims c USING fresh f
    WHERE c.provisional_until IS NOT NULL
      AND (c.redemption_id = f.redemption_id OR (c.platform = 'wechat' AND c.card_id = f.card AND c.code = f.code));
    WITH voids AS (
      SELECT v.redemption_id, max(v.seq) AS seq FROM till_events v
      WHERE v.till_id = p_till AND v.seq > v_acked AND v.seq <= o_ack AND v.kind = 'voided'
      GROUP BY v.redemption_id),
    fresh AS (
      SELECT e.redemption_id, e.seq,
        CASE WHEN (e.body->>'customCode')::boolean THEN e.body->>'cardId' ELSE '' END AS card,
        e.body->>'code' AS code, (e.body->>'redeemedAt')::bigint AS at
      FROM till_events e LEFT JOIN voids vd ON vd.redemption_id = e.redemption_id
      WHERE e.till_id = p_till AND e.seq > v_acked AND e.seq <= o_ack AND e.kind = 'redeemed'
        AND e.body->>'status' <> 'voided' AND (vd.seq IS NULL OR vd.seq < e.seq)),
    won AS (
      INSERT INTO code_claims (platform, card_id, code, redemption_id, store_id, till_id, redeemed_at)
      SELECT 'wechat', f.card, f.code, f.redemption_id, p_store, p_till, f.at FROM fresh f ORDER BY f.seq
      ON CONFLICT DO NOTHING RETURNING redemption_id)
    SELECT array_agg(f.redemption_id ORDER BY f.seq), array_agg(f.card ORDER BY f.seq),
      array_agg(f.code ORDER BY f.seq), array_agg(f.at ORDER BY f.seq)
    INTO v_lost_id, v_lost_card, v_lost_code, v_lost_at
    FROM fresh f WHERE f.redemption_id NOT IN (SELECT redemption_id FROM won);

    -- 4b. an unconfirmed claim that came in between the DELETE and the INSERT above (a till claiming this very
    --     coupon at this moment): the recorded redemption takes the key all the same; then whoever holds it now.
    IF v_lost_id IS NOT NULL THEN
      DELETE FROM code_claims h
      USING unnest(v_lost_id, v_lost_card, v_lost_code) AS l (id, card, code)
      WHERE h.platform = 'wechat' AND h.card_id = l.card AND h.code = l.code AND h.redemption_id <> l.id
        AND h.provisional_until IS NOT NULL;
      INSERT INTO code_claims (platform, card_id, code, redemption_id, store_id, till_id, redeemed_at)
      SELECT 'wechat', l.card, l.code, l.id, p_store, p_till, l.at
      FROM unnest(v_lost_id, v_lost_card, v_lost_code, v_lost_at) WITH ORDINALITY AS l (id, card, code, at, n)
      ORDER BY l.n
      ON CONFLICT DO NOTHING;
    END IF;

    -- 5. a losing claim against another redemption is a duplicate, once per pair. Its own statement: the holder
    --    may be a claim this batch just made, which the statement that made it cannot see.
    IF v_lost_id IS NOT NULL THEN
      INSERT INTO chain_duplicates (platform, card_id, code, first_redemption_id, first_store_id, first_till_id,
        first_at, second_redemption_id, second_store_id, second_till_id, second_at, found_at)
      SELECT 'wechat', l.card, l.code, h.redemption_id, h.store_id, h.till_id, h.redeemed_at,
        l.id, p_store, p_till, l.at, p_now
      FROM unnest(v_lost_id, v_lost_card, v_lost_code, v_lost_at) WITH ORDINALITY AS l (id, card, code, at, n)
      JOIN code_claims h ON h.platform = 'wechat' AND h.card_id = l.card AND h.code = l.code
      WHERE h.redemption_id <> l.id -- the holder itself: a replay of the same redemption
      ORDER BY l.n
      ON CONFLICT (first_redemption_id, second_redemption_id) DO NOTHING;
    END IF;
  END IF;

  UPDATE till_cursor SET acked_seq = o_ack, highest_seen = v_highest, updated_at = p_now WHERE till_id = p_till;
  UPDATE chain_tills SET last_seen_at = p_now, reported_queue_depth = p_queue_depth,
    last_event_at = CASE WHEN o_stored > 0 THEN p_now ELSE last_event_at END
  WHERE till_id = p_till;
  IF cardinality(p_seen) > 0 THEN
    UPDATE chain_duplicates SET first_seen_at = p_now
    WHERE id = ANY(p_seen) AND first_till_id = p_till AND first_seen_at IS NULL;
    UPDATE chain_duplicates SET second_seen_at = p_now
    WHERE id = ANY(p_seen) AND second_till_id = p_till AND second_seen_at IS NULL;
  END IF;

  SELECT COALESCE(jsonb_agg(to_jsonb(x) ORDER BY x.id), '[]'::jsonb) INTO o_duplicates FROM (
    SELECT d.id, d.platform, d.card_id, d.code, d.found_at,
      d.first_redemption_id::text AS f_id, d.first_store_id AS f_store, fs.name AS f_store_name,
      d.first_till_id AS f_till, ft.name AS f_till_name, fr.cashier_name AS f_cashier, fr.amount_fen AS f_amount,
      d.first_at AS f_at,
      d.second_redemption_id::text AS s_id, d.second_store_id AS s_store, ss.name AS s_store_name,
      d.second_till_id AS s_till, st.name AS s_till_name, sr.cashier_name AS s_cashier, sr.amount_fen AS s_amount,
      d.second_at AS s_at
    FROM (
      (SELECT id FROM chain_duplicates WHERE first_till_id = p_till AND first_seen_at IS NULL
       ORDER BY id LIMIT p_duplicates_max)
      UNION
      (SELECT id FROM chain_duplicates WHERE second_till_id = p_till AND second_seen_at IS NULL
       ORDER BY id LIMIT p_duplicates_max)) mine
    JOIN chain_duplicates d USING (id)
    LEFT JOIN chain_stores fs ON fs.store_id = d.first_store_id
    LEFT JOIN chain_tills ft ON ft.till_id = d.first_till_id
    LEFT JOIN redemptions fr ON fr.redemption_id = d.first_redemption_id
    LEFT JOIN chain_stores ss ON ss.store_id = d.second_store_id
    LEFT JOIN chain_tills st ON st.till_id = d.second_till_id
    LEFT JOIN redemptions sr ON sr.redemption_id = d.second_redemption_id
    ORDER BY d.id LIMIT p_duplicates_max) x;
END
$fn$;
`
}
