import type { HubMigration } from '../migrate'

/**
 * Claims before committing at the chain hub (docs/chain.md § Claims before committing). A till online with HQ may
 * claim a coupon in the chain's one claims table, `code_claims (platform, card_id, code)`, before it commits; the
 * lane's `redeemed` event of the same redemption arrives later and confirms it.
 * - `provisional_until`: NULL for a claim the hub recorded from a till's lane (the truth); for a claim made
 *   before committing, the hub time after which it no longer blocks the code (a till that crashed between its
 *   claim and its commit, or lost its release, must not hold a coupon for ever). The event of the redemption
 *   turns it into a recorded claim; a recorded redemption of another till replaces an unconfirmed claim.
 * - `cashier_name`: the claiming cashier, so a collision can name the holder before its event is in (recorded
 *   claims take the name from `redemptions`).
 */
export const m006: HubMigration = {
  version: 6,
  name: 'chain_claims',
  sql: `
ALTER TABLE code_claims ADD COLUMN provisional_until bigint, ADD COLUMN cashier_name text;
`
}
