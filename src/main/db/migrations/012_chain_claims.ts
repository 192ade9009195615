import type { Migration } from '../migrate'

/**
 * Claims before committing at the chain hub (src/main/chainLink/claims.ts, docs/chain.md § Claims before
 * committing): one row per redemption this till claimed at HQ before committing it, written in the ledger's own
 * transaction. `checked` = 0 is "not checked with headquarters": the chain hub did not answer within the deadline
 * (or refused the till), so the redemption was decided here and HQ finds a duplicate only after the fact, from
 * the lane. `reason`: UNREACHABLE or the hub's refusal code. Nothing is queued: the lane's `redeemed` event is the
 * claim that reaches HQ later.
 */
export const m012ChainClaims: Migration = {
  version: 12,
  name: 'chain_claims',
  up: (db) => {
    db.exec(`
      CREATE TABLE chain_claims (
        redemption_id TEXT PRIMARY KEY,
        checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
        reason TEXT,
        at INTEGER NOT NULL
      );
    `)
  }
}
