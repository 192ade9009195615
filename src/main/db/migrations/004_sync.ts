import type { Migration } from '../migrate'

/**
 * Indexes the sync worker reads on every page and every state report. Done items stay in the outbox for
 * ever (they are the sync history), so "what is still queued, in FIFO order" must not scan them: a partial
 * index holds only the queued items, in seq order (also used for queue depth, oldest item and stale count).
 */
export const m004Sync: Migration = {
  version: 4,
  name: 'sync',
  up: (db) => {
    db.exec(`
      CREATE INDEX outbox_queued ON outbox(seq) WHERE state = 'queued';
    `)
  }
}
