/**
 * Backups on real files: an online backup is a verified, self-contained copy; the schedule and the retention
 * do what the settings say; a damaged backup is never offered or restored.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkBackupFile } from '../../src/main/backup/backup'
import { backupFileName, parseBackupName } from '../../src/main/backup/files'
import { BackupService } from '../../src/main/backup/service'
import { latestGoodBackup, restoreDatabaseFile } from '../../src/main/backup/restore'
import { writeRedemption } from '../reports/support/ledger'
import { trainingStation, type TestStation } from '../support/station'
import { scribble } from './support'

let t: TestStation
afterEach(async () => {
  await t.station.close()
})

const HOUR = 3_600_000
const DAY = 24 * HOUR

async function withRows(n: number) {
  t = await trainingStation({ background: false })
  for (let i = 0; i < n; i++)
    writeRedemption(t.station.db, {
      code: `5${String(i).padStart(11, '0')}`,
      card_title: `券 ${i} `.repeat(40)
    })
  return t.station
}

describe('an online backup', () => {
  it('is a verified single-file copy with every row, named by time and reason', async () => {
    const station = await withRows(300)
    const result = await station.services.backups.take('manual')
    if (!result.ok) throw new Error(result.error)
    expect(result.backup).toMatchObject({ reason: 'manual', verified: true })
    expect(parseBackupName(result.backup.file)?.reason).toBe('manual')
    const file = join(station.services.backups.dir, result.backup.file)
    expect(readdirSync(station.services.backups.dir)).toEqual([result.backup.file]) // no -wal, no .partial
    const copy = new Database(file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(copy.prepare('SELECT count(*) AS n FROM redemptions').get()).toEqual({ n: 300 })
    copy.close()
    expect(checkBackupFile(file)).toBeNull()
    const log = station.db.prepare('SELECT reason, verified, error FROM backups').all()
    expect(log).toEqual([{ reason: 'manual', verified: 1, error: null }])
  })

  it('keeps the till writing while it runs', async () => {
    const station = await withRows(500)
    let done = false
    const running = station.services.backups.take('schedule').finally(() => (done = true))
    let written = 0
    // The backup copies in steps between event-loop turns; the till writes a redemption at every turn.
    while (!done) {
      writeRedemption(station.db, { code: `6${String(written++).padStart(11, '0')}` })
      await new Promise((resolve) => setImmediate(resolve))
    }
    const result = await running
    if (!result.ok) throw new Error(result.error)
    expect(written).toBeGreaterThan(1)
    expect(station.db.prepare('SELECT count(*) AS n FROM redemptions').get()).toEqual({ n: 500 + written })
    const copy = new Database(join(station.services.backups.dir, result.backup.file), { readonly: true })
    const copied = (copy.prepare('SELECT count(*) AS n FROM redemptions').get() as { n: number }).n
    copy.close()
    expect(copied).toBeGreaterThanOrEqual(500)
    expect(copied).toBeLessThanOrEqual(500 + written)
  })
})

describe('schedule and retention', () => {
  it('is due an interval after the newest backup, and keeps keepDays but never fewer than three', async () => {
    t = await trainingStation({ background: false })
    let now = Date.UTC(2026, 10, 22, 12)
    const backups = new BackupService({
      db: t.station.db,
      dataDir: t.station.dataDir,
      mode: 'training',
      now: () => now
    })
    expect(backups.settings()).toEqual({ intervalHours: 4, keepDays: 14 })
    expect((await backups.runIfDue())?.ok).toBe(true) // none yet: due at once
    expect(await backups.runIfDue()).toBeNull()
    now += 4 * HOUR - 1
    expect(await backups.runIfDue()).toBeNull()
    now += 1
    expect((await backups.runIfDue())?.ok).toBe(true)
    expect(backups.setSettings({ intervalHours: 1, keepDays: 2 })).toEqual({ intervalHours: 1, keepDays: 2 })
    expect(backups.nextDueAt()).toBe(now + HOUR)

    // Old backups: copies named as if taken 3, 5 and 9 days ago.
    const newest = join(backups.dir, backups.list()[0]?.file ?? '')
    for (const days of [3, 5, 9])
      copyFileSync(newest, join(backups.dir, backupFileName(now - days * DAY, 'day_close')))
    expect(backups.list()).toHaveLength(5)
    expect(backups.prune()).toEqual([
      backupFileName(now - 5 * DAY, 'day_close'),
      backupFileName(now - 9 * DAY, 'day_close')
    ])
    expect(backups.list().map((b) => b.at)).toEqual([now, now - 4 * HOUR, now - 3 * DAY])

    // A station left off for a month still keeps its newest three.
    now += 30 * DAY
    expect(backups.prune()).toEqual([])
    expect(backups.list()).toHaveLength(3)
  })
})

describe('damaged backups', () => {
  it('are skipped when looking for the latest good one and refused for a restore', async () => {
    const station = await withRows(200)
    const older = await station.services.backups.take('schedule')
    const newer = await station.services.backups.take('manual')
    if (!older.ok || !newer.ok) throw new Error('backups failed')
    scribble(join(station.services.backups.dir, newer.backup.file))
    expect(checkBackupFile(join(station.services.backups.dir, newer.backup.file))).toMatch(
      /integrity|cannot be opened/
    )
    expect(latestGoodBackup(station.dataDir, 'training', 'Asia/Shanghai')?.file).toBe(older.backup.file)
    const dbFile = join(station.dataDir, 'training', 'station.db')
    const before = readFileSync(dbFile)
    expect(() => restoreDatabaseFile(station.dataDir, 'training', newer.backup.file, Date.now())).toThrow(
      /cannot be restored/
    )
    expect(readFileSync(dbFile).equals(before)).toBe(true)
    expect(existsSync(join(station.dataDir, 'training', 'replaced'))).toBe(false)
  })
})
