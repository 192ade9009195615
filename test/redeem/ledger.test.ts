/** The ledger on real database files: all-or-nothing writes, durability across reopen, one live row per code. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/open'
import { codeKeyOf } from '../../src/main/db/codeKey'
import { Ledger } from '../../src/main/redeem/ledger'
import { verifyAuditChain } from '../../src/main/audit/audit'
import { sampleRow } from '../support/rows'

const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'hexiao-ledger-')), 'station.db')

const counts = (db: Db) => ({
  redemptions: (db.prepare('SELECT count(*) AS n FROM redemptions').get() as { n: number }).n,
  outbox: (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
  audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
})

describe('ledger', () => {
  it('writes redemption, outbox item and audit entry together', () => {
    const { db } = openDatabase(tmpFile())
    const ledger = new Ledger(db)
    const row = sampleRow()
    ledger.recordRedemption(row)
    expect(counts(db)).toEqual({ redemptions: 1, outbox: 1, audit: 1 })
    expect(ledger.outboxFor(row.id)).toMatchObject({ state: 'queued', kind: 'consume', attempts: 0 })
    expect(verifyAuditChain(db).ok).toBe(true)
    db.close()
  })

  it.each(['afterRedemptionRow', 'afterOutboxRow'] as const)(
    'is all-or-nothing: a failure %s leaves no trace',
    (hook) => {
      const { db } = openDatabase(tmpFile())
      const ledger = new Ledger(db)
      ledger.recordRedemption(sampleRow({ code: '000000000001' }))
      const before = counts(db)
      expect(() =>
        ledger.recordRedemption(sampleRow({ code: '000000000002' }), {
          [hook]: () => {
            throw new Error('power cut')
          }
        })
      ).toThrow('power cut')
      expect(counts(db)).toEqual(before)
      expect(ledger.findLive('000000000002')).toBeNull()
      db.close()
    }
  )

  it('keeps everything acknowledged across close and reopen', () => {
    const file = tmpFile()
    const first = openDatabase(file)
    const ids = Array.from({ length: 50 }, (_, i) => {
      const row = sampleRow({ code: String(i).padStart(12, '0') })
      new Ledger(first.db).recordRedemption(row)
      return row.id
    })
    first.db.close()
    const second = openDatabase(file)
    const ledger = new Ledger(second.db)
    for (const id of ids) expect(ledger.get(id)?.id).toBe(id)
    expect(counts(second.db)).toEqual({ redemptions: 50, outbox: 50, audit: 50 })
    second.db.close()
  })

  it('refuses a second live redemption of the same code at the database level', () => {
    const { db } = openDatabase(tmpFile())
    const ledger = new Ledger(db)
    ledger.recordRedemption(sampleRow())
    expect(() => ledger.recordRedemption(sampleRow())).toThrowError(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    )
    expect(counts(db)).toEqual({ redemptions: 1, outbox: 1, audit: 1 })
    db.close()
  })

  it('keys a custom code by (card, code) and a plain code by the code alone', () => {
    const { db } = openDatabase(tmpFile())
    const ledger = new Ledger(db)
    const [cardA, cardB, plainCard] = ['pCUSTOMcardA', 'pCUSTOMcardB', 'pPLAINcard']
    const a = sampleRow({ code: 'PARTNER-0001', custom_code: 1, card_id: cardA })
    const b = sampleRow({ code: 'PARTNER-0001', custom_code: 1, card_id: cardB })
    ledger.recordRedemption(a)
    // The same string under another custom-code card is another coupon.
    ledger.recordRedemption(b)
    expect(ledger.get(a.id)?.code_key).toBe(codeKeyOf('PARTNER-0001', cardA))
    expect(ledger.get(b.id)?.code_key).toBe(codeKeyOf('PARTNER-0001', cardB))
    // The same (card, code) twice is refused by the database itself.
    expect(() =>
      ledger.recordRedemption(sampleRow({ code: 'PARTNER-0001', custom_code: 1, card_id: cardA }))
    ).toThrowError(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))
    expect(ledger.findLive('PARTNER-0001', cardA)?.id).toBe(a.id)
    expect(ledger.findLive('PARTNER-0001', cardB)?.id).toBe(b.id)
    expect(ledger.findLive('PARTNER-0001', 'pCUSTOMcardC')).toBeNull()
    // Not a plain code: a scan whose card is not known yet finds nothing until the cashier picks the card.
    expect(ledger.findLive('PARTNER-0001')).toBeNull()

    // A plain code stays unique on its own: under any card, and whatever custom card is picked for it.
    const plain = sampleRow({ code: '012345678905', card_id: plainCard })
    ledger.recordRedemption(plain)
    expect(() =>
      ledger.recordRedemption(sampleRow({ code: '012345678905', card_id: 'pOTHERplain' }))
    ).toThrowError(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))
    expect(ledger.findLive('012345678905')?.id).toBe(plain.id)
    expect(ledger.findLive('012345678905', cardA)?.id).toBe(plain.id)

    // A custom row needs its card: the key would be meaningless without it.
    expect(() =>
      ledger.recordRedemption(sampleRow({ code: 'PARTNER-0002', custom_code: 1, card_id: null }))
    ).toThrowError(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_CHECK' }))
    expect(counts(db)).toEqual({ redemptions: 3, outbox: 3, audit: 3 })
    db.close()
  })

  it('finds the original as queued in the outbox, then as settled in the ledger', () => {
    const { db } = openDatabase(tmpFile())
    const ledger = new Ledger(db)
    const row = sampleRow()
    ledger.recordRedemption(row)
    expect(ledger.findLive(row.code)).toMatchObject({
      id: row.id,
      source: 'outbox',
      synced: false,
      stationName: '收银台 1',
      cashierName: '李娜'
    })
    db.prepare(`UPDATE outbox SET state = 'done' WHERE redemption_id = ?`).run(row.id)
    db.prepare(`UPDATE redemptions SET status = 'synced' WHERE id = ?`).run(row.id)
    expect(ledger.findLive(row.code)).toMatchObject({ source: 'ledger', synced: true })
    db.close()
  })

  it('voids only what has not reached WeChat, and says why not', () => {
    const { db } = openDatabase(tmpFile())
    const ledger = new Ledger(db)
    const manager = { staffId: 'm1', name: '王店长', role: 'manager' as const }
    const pending = sampleRow({ code: '100000000001' })
    const synced = sampleRow({ code: '100000000002' })
    const inFlight = sampleRow({ code: '100000000003' })
    for (const row of [pending, synced, inFlight]) ledger.recordRedemption(row)
    db.prepare(`UPDATE redemptions SET status = 'synced' WHERE id = ?`).run(synced.id)
    db.prepare(`UPDATE outbox SET in_flight = 1 WHERE redemption_id = ?`).run(inFlight.id)

    expect(ledger.voidUnsynced(pending.id, manager, 'customer changed mind', 1)).toBe('voided')
    expect(ledger.outboxFor(pending.id)?.state).toBe('cancelled')
    expect(ledger.findLive(pending.code)).toBeNull()
    expect(ledger.voidUnsynced(pending.id, manager, 'again', 2)).toBe('already_voided')
    expect(ledger.voidUnsynced(synced.id, manager, 'x', 3)).toBe('already_synced')
    expect(ledger.voidUnsynced(inFlight.id, manager, 'x', 4)).toBe('in_flight')
    expect(ledger.voidUnsynced('nope', manager, 'x', 5)).toBe('not_found')
    // A voided code may be redeemed again (new row), the old one stays for the record.
    ledger.recordRedemption(sampleRow({ code: pending.code }))
    expect(
      (db.prepare('SELECT count(*) AS n FROM redemptions WHERE code = ?').get(pending.code) as { n: number })
        .n
    ).toBe(2)
    expect(verifyAuditChain(db)).toMatchObject({ ok: true })
    db.close()
  })
})
