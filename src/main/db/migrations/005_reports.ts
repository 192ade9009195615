import type { Migration } from '../migrate'

/**
 * End of day: numbered Z reports, conflict resolutions and the backups log.
 * Z reports and resolutions are records a manager signed off: triggers refuse UPDATE and DELETE, so the app
 * can never rewrite one by mistake; anyone who edits the file behind the app's back (dropping the trigger)
 * is caught by the report's SHA-256 (src/main/reports/zReport.ts) and by the audit chain.
 */
export const m005Reports: Migration = {
  version: 5,
  name: 'reports',
  up: (db) => {
    db.exec(`
      CREATE TABLE z_reports (
        number INTEGER PRIMARY KEY,            -- 1, 2, 3 … per database (training and live count apart)
        business_day TEXT NOT NULL UNIQUE,     -- a day closes once: the database itself refuses a second
        closed_at INTEGER NOT NULL,
        closed_by_id TEXT NOT NULL,
        closed_by_name TEXT NOT NULL,
        body_json TEXT NOT NULL,               -- the canonical JSON of the whole report
        sha256 TEXT NOT NULL                   -- SHA-256 of body_json
      ) STRICT;
      CREATE INDEX z_reports_closed_at ON z_reports(closed_at);
      CREATE TRIGGER z_reports_immutable_update BEFORE UPDATE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;
      CREATE TRIGGER z_reports_immutable_delete BEFORE DELETE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;

      CREATE TABLE conflict_resolutions (
        redemption_id TEXT PRIMARY KEY REFERENCES redemptions(id),   -- one resolution per item
        outcome TEXT NOT NULL CHECK (outcome IN ('collected','written_off','other')),
        note TEXT NOT NULL,
        status_at_resolution TEXT NOT NULL,    -- conflict | rejected, as the ledger said when it was resolved
        resolved_at INTEGER NOT NULL,
        resolved_by_id TEXT NOT NULL,
        resolved_by_name TEXT NOT NULL,
        audit_id INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX conflict_resolutions_at ON conflict_resolutions(resolved_at);
      CREATE TRIGGER conflict_resolutions_immutable_update BEFORE UPDATE ON conflict_resolutions
        BEGIN SELECT RAISE(ABORT, 'a resolution is immutable'); END;
      CREATE TRIGGER conflict_resolutions_immutable_delete BEFORE DELETE ON conflict_resolutions
        BEGIN SELECT RAISE(ABORT, 'a resolution is immutable'); END;

      -- Items that need a manager, found without scanning the whole ledger.
      CREATE INDEX redemptions_open_status ON redemptions(status, business_day)
        WHERE status IN ('conflict','rejected');

      -- The day report reads only this index (it covers every column the figures need, in grouping order),
      -- which keeps a 100,000-redemption day under 100 ms (bench/report).
      CREATE INDEX redemptions_report ON redemptions(business_day, card_id, card_type, cashier_id, online, status,
        at, discount_fen, bill_fen, payable_fen, card_title, cashier_name);

      -- "After close" events of the next Z report are found by time, through these.
      CREATE INDEX redemptions_synced_at ON redemptions(synced_at) WHERE synced_at IS NOT NULL;
      CREATE INDEX redemptions_voided_at ON redemptions(voided_at) WHERE voided_at IS NOT NULL;

      CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,                    -- name inside <dataDir>/<mode>/backups
        reason TEXT NOT NULL CHECK (reason IN ('day_close','schedule','manual')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        bytes INTEGER,
        verified INTEGER NOT NULL DEFAULT 0,   -- reopened and passed PRAGMA integrity_check
        error TEXT
      ) STRICT;
    `)
  }
}
