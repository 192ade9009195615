/** The audit chain detects a changed, deleted or reordered entry — at that entry. */
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/open'
import { readSetting, settingsGeneration } from '../../src/main/db/settings'
import { appendAudit, entryHash, GENESIS_HASH, verifyAuditChain } from '../../src/main/audit/audit'

function chainOf(length: number): Db {
  const { db } = openDatabase(join(mkdtempSync(join(tmpdir(), 'hexiao-audit-')), 'station.db'))
  for (let i = 1; i <= length; i++) {
    appendAudit(db, {
      at: 1_700_000_000_000 + i,
      actorId: 'staff-1',
      actorName: '李娜',
      action: 'redemption.created',
      subject: `r${i}`,
      detail: { discountFen: i * 100 }
    })
  }
  return db
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAuditChain(chainOf(10))).toEqual({ ok: true, checked: 10 })
  })

  it('detects a changed entry at that entry', () => {
    const db = chainOf(10)
    db.prepare(`UPDATE audit_log SET detail_json = '{"discountFen":1}' WHERE id = 4`).run()
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBroken: { id: 4, reason: expect.stringMatching(/changed/) }
    })
  })

  it('detects a deleted entry where the gap is', () => {
    const db = chainOf(10)
    db.prepare('DELETE FROM audit_log WHERE id = 6').run()
    expect(verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBroken: { id: 7, reason: expect.stringMatching(/entry 6 is missing/) }
    })
  })

  it('detects a deleted last entry', () => {
    const db = chainOf(10)
    db.prepare('DELETE FROM audit_log WHERE id = 10').run()
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: 10 } })
  })

  it('detects two entries swapped at the first of them', () => {
    const db = chainOf(10)
    const swap = db.transaction(() => {
      const a = db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, unknown>
      const b = db.prepare('SELECT * FROM audit_log WHERE id = 4').get() as Record<string, unknown>
      const put = db.prepare(
        'UPDATE audit_log SET at=@at, actor_id=@actor_id, actor_name=@actor_name, action=@action, subject=@subject, detail_json=@detail_json, prev_hash=@prev_hash, hash=@hash WHERE id=@target'
      )
      put.run({ ...b, target: 3 })
      put.run({ ...a, target: 4 })
    })
    swap()
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { id: 3 } })
  })

  it('hashes an entry exactly as the chains already written were hashed', () => {
    const row = {
      id: 7,
      at: 1_700_000_000_007,
      actor_id: 'staff-1',
      actor_name: '李娜',
      action: 'redemption.created',
      subject: 'r7',
      detail_json: '{"discountFen":700}',
      prev_hash: GENESIS_HASH
    }
    const before = createHash('sha256')
      .update(
        JSON.stringify([
          7,
          1_700_000_000_007,
          'staff-1',
          '李娜',
          'redemption.created',
          'r7',
          '{"discountFen":700}',
          GENESIS_HASH
        ])
      )
      .digest('hex')
    expect(entryHash(row)).toBe(before)
  })

  it('moves the head pointer in the same write without invalidating cached settings', () => {
    const db = chainOf(3)
    const generation = settingsGeneration(db)
    const entry = appendAudit(db, {
      at: 1_700_000_000_100,
      actorId: 'staff-1',
      actorName: '李娜',
      action: 'redemption.created',
      subject: 'r4',
      detail: {}
    })
    expect(readSetting(db, 'audit.head')).toEqual({ id: 4, hash: entry.hash })
    expect(settingsGeneration(db)).toBe(generation)
  })
})
