/** The deferred scan journal: what a look-up may ask it before its writes are flushed. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/open'
import { ScanJournal } from '../../src/main/redeem/scanJournal'

const status = (code: string, cardId: string | null, seenAt: number) => ({
  code,
  cardId,
  status: 'NORMAL',
  canConsume: true,
  openid: null,
  beginTime: null,
  endTime: null,
  seenAt
})

const written = (db: Db) => (db.prepare('SELECT count(*) AS n FROM code_statuses').get() as { n: number }).n

describe('scan journal', () => {
  it('answers cardSeenBefore from what it has not written yet, without writing it first', () => {
    const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'hexiao-journal-')), 'station.db'))
    const journal = new ScanJournal(db)
    journal.rememberStatus(status('000000000001', 'pCARD1', 1))
    journal.rememberStatus(status('000000000001', 'pCARD2', 2))
    expect(journal.cardSeenBefore('000000000001')).toBe('pCARD2')
    expect(journal.cardSeenBefore('000000000002')).toBeNull()
    expect(written(db)).toBe(0)

    journal.flush()
    expect(written(db)).toBe(1)
    expect(journal.cardSeenBefore('000000000001')).toBe('pCARD2')

    // A newer status without a card replaces the stored one, as the upsert will.
    journal.rememberStatus(status('000000000001', null, 3))
    expect(journal.cardSeenBefore('000000000001')).toBeNull()
    journal.flush()
    expect(journal.cardSeenBefore('000000000001')).toBeNull()
    db.close()
  })
})
