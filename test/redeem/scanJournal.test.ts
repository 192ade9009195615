/** The deferred scan journal: what a look-up may ask it before its writes are flushed. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/open'
import { ScanJournal } from '../../src/main/redeem/scanJournal'

const status = (code: string, cardId: string | null, seenAt: number, customCode = false) => ({
  code,
  cardId,
  customCode,
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

  it('keeps a custom code per card, and names no card for a code seen under two', () => {
    const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'hexiao-journal-')), 'station.db'))
    const journal = new ScanJournal(db)
    journal.rememberStatus(status('CUSTOM-7', 'pCUSTOMA', 1, true))
    expect(journal.cardSeenBefore('CUSTOM-7')).toBe('pCUSTOMA')
    journal.flush()
    journal.rememberStatus(status('CUSTOM-7', 'pCUSTOMA', 2, true))
    expect(journal.cardSeenBefore('CUSTOM-7')).toBe('pCUSTOMA')
    journal.rememberStatus(status('CUSTOM-7', 'pCUSTOMB', 3, true))
    // Two coupons with the same string: which one the customer holds is the cashier's pick.
    expect(journal.cardSeenBefore('CUSTOM-7')).toBeNull()
    journal.flush()
    expect(journal.cardSeenBefore('CUSTOM-7')).toBeNull()
    const rows = db.prepare('SELECT code_key, card_id FROM code_statuses ORDER BY code_key').all()
    expect(rows).toEqual([
      { code_key: 'pCUSTOMA\u001fCUSTOM-7', card_id: 'pCUSTOMA' },
      { code_key: 'pCUSTOMB\u001fCUSTOM-7', card_id: 'pCUSTOMB' }
    ])
    db.close()
  })
})
