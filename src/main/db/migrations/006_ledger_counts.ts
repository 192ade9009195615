import type { Migration } from '../migrate'

/**
 * Covering indexes for the counts decide() needs on every scan (offline redemptions of the
 * business day, a customer's redemptions of the day): answered from the index alone, without
 * visiting the rows, so the scan path stays flat as the ledger grows to millions.
 */
export const m006LedgerCounts: Migration = {
  version: 6,
  name: 'ledger_counts',
  up: (db) => {
    db.exec(`
      CREATE INDEX redemptions_day_online ON redemptions(business_day, online, status);
      DROP INDEX redemptions_openid_day;
      CREATE INDEX redemptions_openid_day ON redemptions(openid, business_day, status);
    `)
  }
}
