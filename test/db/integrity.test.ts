/**
 * The database checks on real SQLite files (docs/reliability.md § Database checks): what the open-time check
 * sees is refused with the file left byte for byte as it was; damage only the full check sees (an index that
 * no longer matches its table) is found by the background check, after which every write answers DB_DAMAGED,
 * the stored rows are intact, and the next start refuses the file.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkRecordFile, fullCheck, readCheckRecord, writeCheckRecord } from '../../src/main/db/integrity'
import { openDatabase } from '../../src/main/db/open'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { openStation, type Station } from '../../src/main/station/station'
import { writeRedemption } from '../reports/support/ledger'
import { damageIndexEntry, pagesOf } from '../support/damage'
import { trainingStation } from '../support/station'

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const stations: Station[] = []
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close()
})

/** A closed station database with `n` redemptions (codes 5000000000xx) and a manager; WAL checkpointed away. */
async function ledgerFile(n = 120) {
  const t = await trainingStation({ background: false })
  for (let i = 0; i < n; i++)
    writeRedemption(t.station.db, { code: `5${String(i).padStart(11, '0')}`, card_title: '满100减10' })
  await t.station.close()
  return {
    dataDir: t.station.dataDir,
    file: join(t.station.dataDir, 'training', 'station.db'),
    manager: t.manager
  }
}

const refusal = (fn: () => unknown): unknown => {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected the open to be refused')
}

describe('the open-time check of a big ledger (quick path) refuses what it sees and writes nothing', () => {
  // fullCheckAtOpenBytes 0: every file takes the path a ledger above FULL_CHECK_AT_OPEN_BYTES takes.
  const quick = { fullCheckAtOpenBytes: 0 }

  it('opens a sound file', async () => {
    const { file } = await ledgerFile(20)
    const { db } = openDatabase(file, quick)
    expect((db.prepare('SELECT count(*) AS n FROM redemptions').get() as { n: number }).n).toBe(20)
    db.close()
  })

  it('a damaged header', async () => {
    const { file } = await ledgerFile(20)
    const bytes = readFileSync(file)
    bytes.write('SQLite format 4', 0, 'latin1')
    writeFileSync(file, bytes)
    const before = sha(file)
    expect(refusal(() => openDatabase(file, quick))).toMatchObject({
      code: 'DB_CORRUPT',
      message: expect.stringContaining('no SQLite header') as unknown
    })
    expect(sha(file)).toBe(before)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('a file cut short (its last pages lost)', async () => {
    const { file } = await ledgerFile(60)
    truncateSync(file, readFileSync(file).length - 4096 * 3)
    const before = sha(file)
    expect(refusal(() => openDatabase(file, quick))).toMatchObject({
      code: 'DB_CORRUPT',
      message: expect.stringContaining('shorter than its header says') as unknown
    })
    expect(sha(file)).toBe(before)
  })

  it('a damaged page of a small table (settings)', async () => {
    const { file } = await ledgerFile(20)
    const [page] = pagesOf(file, 'settings')
    if (!page) throw new Error('no settings page')
    const bytes = readFileSync(file)
    const pageSize = bytes.readUInt16BE(16)
    bytes.fill(0xa5, (page - 1) * pageSize + 8, page * pageSize)
    writeFileSync(file, bytes)
    const before = sha(file)
    expect(refusal(() => openDatabase(file, quick))).toMatchObject({ code: 'DB_CORRUPT' })
    expect(sha(file)).toBe(before)
  })

  it('a file whose last full check found damage, even when the quick path cannot see it', async () => {
    const { file } = await ledgerFile(20)
    writeCheckRecord(file, {
      ok: false,
      problems: ['row 7 missing from index x'],
      checkedAt: Date.UTC(2026, 11, 4)
    })
    const before = sha(file)
    expect(refusal(() => openDatabase(file, quick))).toMatchObject({
      code: 'DB_CORRUPT',
      message: expect.stringContaining('row 7 missing from index x') as unknown
    })
    expect(sha(file)).toBe(before)
  })

  it('ignores a verdict written for another file (a restored file is not the damaged one)', async () => {
    const { file } = await ledgerFile(20)
    writeCheckRecord(file, { ok: false, problems: ['old damage'], checkedAt: 1 })
    const record = JSON.parse(readFileSync(checkRecordFile(file), 'utf8')) as { ino: number }
    writeFileSync(checkRecordFile(file), JSON.stringify({ ...record, ino: record.ino + 1 }))
    expect(readCheckRecord(file)).toBeNull()
    openDatabase(file, quick).db.close()
  })
})

describe('damage only the full check sees', () => {
  it('an index entry that no longer matches its row: the quick path opens it, the full check (at open for a small file, in the worker) finds it', async () => {
    const { file } = await ledgerFile()
    damageIndexEntry(file, 'redemptions_code_key_live', '500000000042')
    const before = sha(file)
    // A small file still gets the full check at open.
    expect(refusal(() => openDatabase(file))).toMatchObject({ code: 'DB_CORRUPT' })
    expect(sha(file)).toBe(before)
    // The quick path does not see it…
    openDatabase(file, { fullCheckAtOpenBytes: 0 }).db.close()
    // …the worker's full check does.
    const result = await fullCheck(file)
    expect(result).toMatchObject({ kind: 'damaged' })
    expect(result.kind === 'damaged' && result.problems.join('\n')).toMatch(/redemptions_code_key_live/)
  })

  it('found in the background while the station runs: writes stop with DB_DAMAGED, data intact, next start refused', async () => {
    const { dataDir, file, manager } = await ledgerFile()
    damageIndexEntry(file, 'redemptions_code_key_live', '500000000042')
    const station = openStation({
      dataDir,
      runtime: 'node-host',
      mode: 'training',
      background: false,
      fullCheckAtOpenBytes: 0
    })
    stations.push(station)
    const notices: unknown[] = []
    station.events.onAny((event, payload) => {
      if (event === 'app.notice') notices.push(payload)
    })
    const session = new Session('test')
    session.signIn(manager)
    const dispatch = createDispatcher(station.handlers)
    // Before the check: the counter works as usual.
    expect(
      await dispatch('staff.create', { name: '赵敏', role: 'cashier', pin: '1234' }, session)
    ).toMatchObject({
      ok: true
    })

    const status = await station.services.integrity.checkNow()
    expect(status.state).toBe('damaged')
    expect(status.problems.join('\n')).toMatch(/redemptions_code_key_live/)
    expect(notices).toContainEqual(expect.objectContaining({ level: 'error', code: 'DB_DAMAGED' }))
    expect(readCheckRecord(file)).toMatchObject({ ok: false })

    const refused = await dispatch('staff.create', { name: '钱多', role: 'cashier', pin: '1234' }, session)
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } })
    expect(!refused.ok && refused.error.message).toMatch(
      /writes are stopped.*restore the latest good backup|No backup/s
    )
    expect(() => writeRedemption(station.db, { code: '599999999999', card_title: '满100减10' })).toThrowError(
      expect.objectContaining({ code: expect.stringMatching(/^SQLITE_READONLY/) as unknown })
    )

    // Reads still work, and every stored row is there with its code (read from the table, not the index).
    const rows = station.db.prepare('SELECT code FROM redemptions NOT INDEXED ORDER BY code').all() as {
      code: string
    }[]
    expect(rows).toHaveLength(120)
    expect(rows[42]?.code).toBe('500000000042')
    expect(station.db.prepare(`SELECT count(*) AS n FROM staff WHERE name = '钱多'`).get()).toEqual({ n: 0 })
    await station.close()
    stations.splice(stations.indexOf(station), 1)

    const after = sha(file)
    expect(
      refusal(() =>
        openStation({
          dataDir,
          runtime: 'node-host',
          mode: 'training',
          background: false,
          fullCheckAtOpenBytes: 0
        })
      )
    ).toMatchObject({
      code: 'DB_CORRUPT',
      message: expect.stringContaining('failed its full integrity check') as unknown
    })
    expect(sha(file)).toBe(after)
  })

  it('the manager restores the backup the DB_DAMAGED answer names, and the till writes again', async () => {
    const t = await trainingStation({ background: false })
    for (let i = 0; i < 120; i++)
      writeRedemption(t.station.db, { code: `5${String(i).padStart(11, '0')}`, card_title: '满100减10' })
    const taken = await t.station.services.backups.take('manual')
    if (!taken.ok) throw new Error(taken.error)
    await t.station.close()
    const dataDir = t.station.dataDir
    damageIndexEntry(join(dataDir, 'training', 'station.db'), 'redemptions_code_key_live', '500000000042')
    const station = openStation({
      dataDir,
      runtime: 'node-host',
      mode: 'training',
      background: false,
      fullCheckAtOpenBytes: 0
    })
    stations.push(station)
    const dispatch = createDispatcher(station.handlers)
    expect((await station.services.integrity.checkNow()).state).toBe('damaged')
    // Signing in still works (its bookkeeping is skipped, nothing is written): the manager must reach the restore.
    const session = new Session('test')
    expect(
      await dispatch('staff.signIn', { staffId: t.manager.staffId, pin: '2468' }, session)
    ).toMatchObject({ ok: true })
    expect(
      await dispatch('staff.signIn', { staffId: t.manager.staffId, pin: '0000' }, new Session('x'))
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    const refused = await dispatch('staff.create', { name: '孙丽', role: 'cashier', pin: '1234' }, session)
    expect(!refused.ok && refused.error.message).toContain(taken.backup.file)
    expect(await dispatch('db.ping', undefined, session)).toMatchObject({
      ok: true,
      value: { integrity: 'damaged' }
    })

    const restored = await dispatch(
      'backups.restore',
      { file: taken.backup.file, confirmDate: taken.backup.confirmDate },
      session
    )
    expect(restored).toMatchObject({ ok: true })
    expect(station.services.integrity.damaged).toBe(false)
    expect(
      await dispatch('staff.create', { name: '孙丽', role: 'cashier', pin: '1234' }, session)
    ).toMatchObject({
      ok: true
    })
    expect((await station.services.integrity.checkNow()).state).toBe('ok')
  })

  it("a backup whose copy fails its check sets off the live file's full check", async () => {
    const { dataDir, file } = await ledgerFile()
    damageIndexEntry(file, 'redemptions_code_key_live', '500000000007')
    const station = openStation({
      dataDir,
      runtime: 'node-host',
      mode: 'training',
      background: false,
      fullCheckAtOpenBytes: 0
    })
    stations.push(station)
    const taken = await station.services.backups.take('manual')
    expect(taken).toMatchObject({
      ok: false,
      error: expect.stringMatching(/integrity check failed/) as unknown
    })
    expect(station.services.backups.list()).toHaveLength(0)
    // The check the failed copy started (checkNow joins a running check).
    expect((await station.services.integrity.checkNow()).state).toBe('damaged')
  })
})
