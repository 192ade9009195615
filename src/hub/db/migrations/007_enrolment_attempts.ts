import type { HubMigration } from '../migrate'

/**
 * Every enrolment attempt at the chain hub, kept as HQ's audit of who tried which till with what outcome, and the
 * brute-force lock-out's memory (docs/chain.md § Enrolment lock-out): wrong codes per source address and per store
 * in a sliding window. In the database, not in a process, so several hub processes behind one address share it.
 */
export const m007: HubMigration = {
  version: 7,
  name: 'enrolment_attempts',
  sql: `
CREATE TABLE chain_enrolment_attempts (
  id bigserial PRIMARY KEY,
  at bigint NOT NULL,
  source text NOT NULL,
  store_id text,
  till_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('enrolled', 'refused', 'locked'))
);
CREATE INDEX chain_enrolment_refused_by_source ON chain_enrolment_attempts (source, at) WHERE outcome = 'refused';
CREATE INDEX chain_enrolment_refused_by_store ON chain_enrolment_attempts (store_id, at) WHERE outcome = 'refused';
`
}
