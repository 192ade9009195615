import type { HubMigration } from '../migrate'

/**
 * The chain hub's tables (docs/chain.md § Schema): the same hub server deployed at headquarters, where every till
 * of every store sends its second outbox lane of events (docs/architecture.md, the chain lane).
 * - chain_stores / chain_tills / enrolment_codes: stores, and tills enrolled by HQ with their own credential
 *   (SHA-256 only), revocable; a till reports its queue depth and is "heard from" by its last event.
 * - till_events: the append-only log, PRIMARY KEY (till_id, seq) so a replayed or reordered batch inserts
 *   nothing twice (ON CONFLICT DO NOTHING); event_id (the till's UUID) is unique too.
 * - till_cursor: the highest contiguous sequence per till, the only thing acknowledged; never past a gap.
 * - redemptions: the projection reports read, PARTITIONED BY RANGE (business_date) by month. Business dates come
 *   from the till (its store's zone); order comes from the sequence, never from clocks. A primary key of a
 *   partitioned table must contain the partition key, hence (redemption_id, business_date); the ingest keeps
 *   one row per redemption id (it looks the id up before inserting).
 * - code_claims: (platform, card_id, code) first-writer-wins, NOT partitioned, so a code redeemed in two stores
 *   is found whatever the months (a unique key cannot span partitions).
 * - chain_duplicates: each losing redemption against the holder, both stories, found once.
 * - hq_users / hq_sessions: HQ sign-in (slow password hash), roles hq_admin and regional_viewer.
 * - wechat_token: the access token the hub holds for the chain (one row per appid), refreshed single-flight.
 */
export const m002: HubMigration = {
  version: 2,
  name: 'chain',
  sql: `
CREATE TABLE chain_stores (
  store_id text PRIMARY KEY,
  name text NOT NULL,
  region text NOT NULL DEFAULT '',
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  created_at bigint NOT NULL
);

CREATE TABLE chain_tills (
  till_id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES chain_stores (store_id),
  name text NOT NULL,
  token_hash bytea UNIQUE,
  enrolled_at bigint NOT NULL,
  revoked_at bigint,
  last_event_at bigint,
  last_seen_at bigint,
  reported_queue_depth integer
);
CREATE INDEX chain_tills_store ON chain_tills (store_id);

CREATE TABLE enrolment_codes (
  code_hash bytea PRIMARY KEY,
  store_id text NOT NULL REFERENCES chain_stores (store_id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  used_by text
);

CREATE TABLE till_events (
  till_id text NOT NULL REFERENCES chain_tills (till_id),
  seq bigint NOT NULL CHECK (seq >= 1),
  event_id uuid NOT NULL UNIQUE,
  kind text NOT NULL,
  redemption_id uuid,
  till_at bigint NOT NULL,
  business_date date NOT NULL,
  body jsonb NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (till_id, seq)
);

CREATE TABLE till_cursor (
  till_id text PRIMARY KEY REFERENCES chain_tills (till_id),
  acked_seq bigint NOT NULL DEFAULT 0,
  highest_seen bigint NOT NULL DEFAULT 0,
  updated_at bigint NOT NULL
);

CREATE TABLE redemptions (
  redemption_id uuid NOT NULL,
  business_date date NOT NULL,
  store_id text NOT NULL,
  till_id text NOT NULL,
  platform text NOT NULL DEFAULT 'wechat',
  card_id text NOT NULL,
  code text NOT NULL,
  card_title text NOT NULL DEFAULT '',
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  bill_fen bigint CHECK (bill_fen >= 0),
  redeemed_at bigint NOT NULL,
  status text NOT NULL,
  status_at bigint NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (redemption_id, business_date)
) PARTITION BY RANGE (business_date);
CREATE TABLE redemptions_default PARTITION OF redemptions DEFAULT;
CREATE INDEX redemptions_store_day ON redemptions (business_date, store_id, till_id);
CREATE INDEX redemptions_id ON redemptions (redemption_id);

CREATE TABLE code_claims (
  platform text NOT NULL,
  card_id text NOT NULL,
  code text NOT NULL,
  redemption_id uuid NOT NULL UNIQUE,
  store_id text NOT NULL,
  till_id text NOT NULL,
  redeemed_at bigint NOT NULL,
  PRIMARY KEY (platform, card_id, code)
);

CREATE TABLE chain_duplicates (
  id bigserial PRIMARY KEY,
  platform text NOT NULL,
  card_id text NOT NULL,
  code text NOT NULL,
  first_redemption_id uuid NOT NULL,
  first_store_id text NOT NULL,
  first_till_id text NOT NULL,
  first_at bigint NOT NULL,
  second_redemption_id uuid NOT NULL,
  second_store_id text NOT NULL,
  second_till_id text NOT NULL,
  second_at bigint NOT NULL,
  found_at bigint NOT NULL,
  UNIQUE (first_redemption_id, second_redemption_id)
);

CREATE TABLE hq_users (
  user_id uuid PRIMARY KEY,
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('hq_admin', 'regional_viewer')),
  region text NOT NULL DEFAULT '',
  created_at bigint NOT NULL,
  disabled_at bigint
);

CREATE TABLE hq_sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES hq_users (user_id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);

CREATE TABLE wechat_token (
  app_id text PRIMARY KEY,
  access_token text NOT NULL,
  expires_at bigint NOT NULL,
  fetched_at bigint NOT NULL
);
`
}
