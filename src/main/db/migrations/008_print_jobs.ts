import type { Migration } from '../migrate'

/**
 * Print jobs of the receipt printer (src/main/printer): every slip, Z report and test page asked for, with
 * its outcome, so a slip that could not print (paper out, cover open, printer offline) stays listed and can
 * be printed again, and a second print of the same slip is marked as a reprint. The paper's bytes are not
 * kept: a job is rendered from the ledger when it prints.
 */
export const m008PrintJobs: Migration = {
  version: 8,
  name: 'print_jobs',
  up: (db) => {
    db.exec(`
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('slip', 'zreport', 'test')),
        subject TEXT NOT NULL,
        reprint INTEGER NOT NULL CHECK (reprint IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
        failure TEXT,
        detail TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
      );
      CREATE INDEX print_jobs_subject ON print_jobs (kind, subject, state);
      CREATE INDEX print_jobs_state ON print_jobs (state, id);
    `)
  }
}
